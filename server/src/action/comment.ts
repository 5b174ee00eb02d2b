/** The pull-request comment of the action through GitHub's REST API: found by its marker, updated in place. */

/** Where and as whom the API is called. */
export interface GitHubApi {
  /** `$GITHUB_API_URL` (GitHub Enterprise has its own). */
  readonly url: string;
  readonly token: string;
  /** `owner/name`. */
  readonly repository: string;
  readonly fetch: typeof fetch;
}

/** Comments listed per page (the API's maximum). */
const PER_PAGE = 100;
/** Pages read at most while looking for the marked comment: 10,000 comments. */
const MAX_PAGES = 100;

/**
 * Updates the pull request's comment that holds `marker`, or creates one when there is none, so a pull
 * request keeps one Goalpost comment however often it is pushed.
 */
export async function upsertComment(api: GitHubApi, pullRequest: number, marker: string, body: string): Promise<{ action: 'created' | 'updated'; id: number }> {
  const base = `${api.url.replace(/\/$/, '')}/repos/${api.repository}/issues`;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const comments = (await call(api, 'GET', `${base}/${pullRequest}/comments?per_page=${PER_PAGE}&page=${page}`)) as { id: number; body?: string }[];
    const previous = comments.find((comment) => comment.body?.includes(marker));
    if (previous) {
      await call(api, 'PATCH', `${base}/comments/${previous.id}`, { body });
      return { action: 'updated', id: previous.id };
    }
    if (comments.length < PER_PAGE) break;
  }
  const created = (await call(api, 'POST', `${base}/${pullRequest}/comments`, { body })) as { id: number };
  return { action: 'created', id: created.id };
}

async function call(api: GitHubApi, method: string, url: string, body?: unknown): Promise<unknown> {
  const response = await api.fetch(url, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${api.token}`,
      'x-github-api-version': '2022-11-28',
      'user-agent': 'goalpost-action',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${new URL(url).pathname} answered ${response.status} ${response.statusText}`);
  return response.json();
}
