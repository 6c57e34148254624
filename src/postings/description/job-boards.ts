/**
 * Job boards, aggregators and applicant-tracking systems: their name in a page's site name, title or
 * host is the site's, never the employer's or the job's. Only page metadata is checked against it: a
 * board's own structured field (a Dover job at Dover) still names the employer.
 */
const JOB_BOARD_NAMES = new Set(
  (
    'greenhouse lever ashby workable bamboohr breezy breezyhr jazzhr applytojob recruitee smartrecruiters ' +
    'workday myworkdayjobs linkedin indeed glassdoor monster ziprecruiter builtin careerbuilder dice ' +
    'simplyhired welcometothejungle stepstone xing join personio teamtailor pinpoint pinpointhq rippling ' +
    'dover wellfound angellist otta hired jobvite icims taleo successfactors comeet gem jobgether ' +
    'remotely nodesk remoteok weworkremotely himalayas jobsat karriereat devjobsat gaijinpot seek reed ' +
    'totaljobs infojobs adzuna jooble naukri jobindex pracuj arbeitnow stackoverflow jobsch'
  ).split(' '),
);

/** Whether a name is a job board's own ("Indeed", "StepStone.de", "jobs.ch", "Built In"). */
export function isJobBoardName(name: string): boolean {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return (
    JOB_BOARD_NAMES.has(key) ||
    JOB_BOARD_NAMES.has(key.replace(/(?:jobs|careers|com|de|io|co|net|ch|at|fr|uk)$/, ''))
  );
}
