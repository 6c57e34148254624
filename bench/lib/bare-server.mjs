// The floor for figure 2: a bare node:http server in its own process that reads each request's body
// and answers an empty 200 at once. The same burst against it shows what the load process, the
// loopback network and Node's HTTP layer cost before any Slack app code runs.
import { createServer } from 'node:http';

const server = createServer((req, res) => {
  req.on('data', () => {});
  req.on('end', () => {
    res.writeHead(200);
    res.end();
  });
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
