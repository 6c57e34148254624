/** A page the local job board serves: the HTTP status, its content type and its body. */
export interface WebPage {
  status: number;
  contentType: string;
  body: string;
}

/**
 * An ordinary web page that is no job posting (a blog post, an About page): a title, an optional
 * meta description and one paragraph, for `board.route(path, notAJobPage(…))`. Text is inserted
 * as given: pass plain words, not markup.
 */
export function notAJobPage(page: { title: string; description?: string; text?: string }): WebPage {
  const description =
    page.description === undefined ? '' : `<meta name="description" content="${page.description}">`;
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: `<html><head><title>${page.title}</title>${description}</head><body><p>${page.text ?? 'Hello.'}</p></body></html>`,
  };
}
