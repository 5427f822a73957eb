export const id = 139;
export const ids = [139];
export const modules = {

/***/ 5603:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ap: () => (/* binding */ openGitHubRest),
/* harmony export */   HN: () => (/* binding */ ForeignOriginError),
/* harmony export */   Sd: () => (/* binding */ openRestComparison),
/* harmony export */   Ys: () => (/* binding */ restTarget),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   d_: () => (/* binding */ octokitFor)
/* harmony export */ });
/* unused harmony export onApiOrigin */
/* harmony import */ var _commit_files_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4528);
/* harmony import */ var _event_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8679);
/* harmony import */ var _github_env_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4626);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8301);
/* harmony import */ var _miso_proxy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1628);
/* harmony import */ var _http_policy_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2598);
/* harmony import */ var node_fetch__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(816);
// The diff source without a git checkout: the same comparison read through GitHub's REST
// API (compare, pull request files, contents, trees), honouring GITHUB_API_URL.







const NEXT_PAGE = /<([^<>]+)>\s*;\s*rel="next"/;
/** GitHub lists at most this many files in a comparison, and in a pull request. */
const COMPARE_FILE_CAP = 300;
const PULL_FILE_CAP = 3000;
/** Retries of one GitHub request (fewer than Miso's); Octokit's retry plugin waits 1, 4, 9 s. */
const MAX_RETRIES = 3;
/** Statuses a retry cannot mend (the retry plugin's default list). */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 451];
/** The longest rate-limit wait worth making. */
const MAX_RATE_LIMIT_WAIT_S = 60;
/** Redirects followed in a row, on the API's own origin. */
const MAX_REDIRECTS = 5;
/** GitHub's file statuses, as FileChange's (a rename without its old name is an addition). */
const STATUSES = new Map([
    ['removed', 'deleted'],
    ['renamed', 'renamed'],
    ['added', 'added'],
    ['copied', 'added'],
    ['modified', 'modified'],
    ['changed', 'modified']
]);
/** Where the API is and which repository to read, from the runner's environment. */
function restTarget(env) {
    const repository = (0,_github_env_js__WEBPACK_IMPORTED_MODULE_3__/* .repositoryOf */ ._M)(env);
    if (!repository) {
        throw new Error(`GITHUB_REPOSITORY ${JSON.stringify(env.GITHUB_REPOSITORY ?? '')} is not owner/name`);
    }
    // `env`: where the proxy variables are read.
    return { apiUrl: (0,_github_env_js__WEBPACK_IMPORTED_MODULE_3__/* .apiUrlOf */ .po)(env), ...repository, env };
}
/** Errors name the request, with GitHub's status; a cancelled run's abort stays as it is. */
async function failing(url, signal, send) {
    try {
        return await send(`GET ${url}`);
    }
    catch (error) {
        signal?.throwIfAborted();
        const status = statusOf(error);
        const message = error instanceof Error ? error.message : String(error);
        const answer = status && !message.includes(String(status)) ? `${status} ${message}` : message;
        throw Object.assign(new Error(`GitHub API GET ${url}: ${answer}`, { cause: error }), { status });
    }
}
/** The REST calls the diff source makes; each throws with GitHub's status and message. */
async function openGitHubRest(token, target, limits) {
    const octokit = await octokitFor(token, target, limits);
    const { apiUrl, owner, repo } = target;
    const root = `${apiUrl}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/`;
    const get = async (path) => (0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .objectOrEmpty */ .YN)((await failing(root + path, limits.signal, octokit.request)).data);
    return {
        /** The commit a SHA or ref names; undefined when GitHub knows no such commit. */
        async commit(ref) {
            try {
                const data = await get(`commits/${segments(ref)}`);
                const parents = Array.isArray(data.parents) ? data.parents : [];
                return { sha: String(data.sha), parents: parents.map(p => String((0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .objectOrEmpty */ .YN)(p).sha)) };
            }
            catch (error) {
                if (statusOf(error) === 404 || statusOf(error) === 422)
                    return undefined;
                throw error;
            }
        },
        /**
         * `base...head`: the merge base GitHub compares from, and the changed files. Files come
         * with the first page (later pages list more commits); GitHub stops at 300 files.
         */
        async compare(base, head) {
            const files = new Map();
            let mergeBase = '';
            let url = `${root}compare/${segments(base)}...${segments(head)}?per_page=100`;
            while (url) {
                const { data, headers } = await failing(url, limits.signal, octokit.request);
                const body = (0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .objectOrEmpty */ .YN)(data);
                mergeBase ||= String((0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .objectOrEmpty */ .YN)(body.merge_base_commit).sha ?? '');
                const before = files.size;
                for (const file of fileChanges(body.files))
                    files.set(`${file.oldPath ?? ''}\0${file.path}`, file);
                // Pages beyond the first only list commits: stop once one adds no file. (Not paginate():
                // it would read every page of commits.) The guard checked the next page's origin.
                url = (files.size > before && NEXT_PAGE.exec(headers.link ?? '')?.[1]) || '';
            }
            return { mergeBase, files: [...files.values()], capped: files.size >= COMPARE_FILE_CAP };
        },
        /** The files a pull request changes (its own change), up to GitHub's 3000. */
        async pullFiles(pullNumber) {
            const pages = (route) => octokit.paginate(route, { per_page: 100 });
            const files = fileChanges(await failing(`${root}pulls/${pullNumber}/files`, limits.signal, pages));
            return { files, capped: files.length >= PULL_FILE_CAP };
        },
        /** The contents of a blob. */
        async blob(sha) {
            const body = await get(`git/blobs/${segments(sha)}`);
            if (typeof body.content !== 'string' || body.encoding !== 'base64') {
                throw new Error(`GitHub API: blob ${(0,_event_js__WEBPACK_IMPORTED_MODULE_1__/* .short */ .h0)(sha)} came without base64 content`);
            }
            return Buffer.from(body.content, 'base64');
        },
        /** Every file, link and submodule at a commit; `truncated` when GitHub cut it short. */
        async tree(sha) {
            const body = await get(`git/trees/${segments(sha)}?recursive=1`);
            const listed = (Array.isArray(body.tree) ? body.tree : []).map(_json_js__WEBPACK_IMPORTED_MODULE_4__/* .objectOrEmpty */ .YN);
            const kept = listed.filter(e => /^(?:blob|commit)$/.test(String(e.type)) && e.path);
            const entries = new Map(kept.map(e => [String(e.path), { mode: String(e.mode), object: String(e.sha) }]));
            return { entries, truncated: body.truncated === true };
        }
    };
}
/** A Comparison of the range, read through the REST API. */
async function openRestComparison(api, range, env) {
    const notices = [];
    // `<sha>^` is the first parent of the SHA (undefined for a root commit); null: no such commit.
    const resolve = async (rev) => {
        const [, child] = /^(.+)\^$/.exec(rev) ?? [];
        const commit = await api.commit(child ?? rev);
        return !commit ? null : child ? commit.parents[0] : commit.sha;
    };
    const unknown = (rev, what) => new Error(`GitHub knows no commit ${JSON.stringify(rev)} (${what})`);
    // Without a checkout, HEAD is the commit the run is for.
    const commitOf = async (ref, what) => {
        const name = ref === 'HEAD' ? (env.GITHUB_SHA ?? '') : ref;
        const sha = await resolve(name);
        if (!sha)
            throw unknown(name, what);
        return sha;
    };
    const head = await commitOf(range.head, 'the head to compare');
    const result = range.result === range.head ? head : await commitOf(range.result, 'the result');
    let from = range.mergeBaseOf?.base ?? (await resolve(range.base));
    if (from === null && range.baseFallback) {
        notices.push(range.baseFallback.notice);
        from = await resolve(range.baseFallback.base);
    }
    if (from === null)
        throw unknown(range.base, 'the base to compare');
    if (from === undefined) {
        notices.push(`${(0,_event_js__WEBPACK_IMPORTED_MODULE_1__/* .short */ .h0)(head)} is a root commit: no file existed before it, so none was deleted.`);
    }
    const compared = from === undefined || from === head
        ? { mergeBase: '', files: [], capped: false }
        : await api.compare(from, head);
    const base = compared.mergeBase || (from ?? head);
    if (from !== undefined && base !== from && !range.mergeBaseOf) {
        notices.push(`GitHub compares from the merge base ${(0,_event_js__WEBPACK_IMPORTED_MODULE_1__/* .short */ .h0)(base)} of ${(0,_event_js__WEBPACK_IMPORTED_MODULE_1__/* .short */ .h0)(from)} and ${(0,_event_js__WEBPACK_IMPORTED_MODULE_1__/* .short */ .h0)(head)}.`);
    }
    // Past the comparison's cap, a pull request's own file list goes further.
    const pull = compared.capped && range.pullNumber !== undefined;
    const { files: changes, capped } = pull ? await api.pullFiles(range.pullNumber) : compared;
    const [what, cap] = pull
        ? [`pull request #${range.pullNumber}`, PULL_FILE_CAP]
        : [`${(0,_event_js__WEBPACK_IMPORTED_MODULE_1__/* .short */ .h0)(base)}...${(0,_event_js__WEBPACK_IMPORTED_MODULE_1__/* .short */ .h0)(head)}`, COMPARE_FILE_CAP];
    const warnings = !capped
        ? []
        : [
            `GitHub lists at most ${cap} changed files for ${what}, and this change has at least that many: files beyond them were not checked, so some deletions may be missing. Add actions/checkout before this step so git reads the whole change.`
        ];
    return { via: 'rest', base, head, result, changes, notices, warnings, ...restFiles(api) };
}
/** The files of any commit, read through the API: trees, then blobs by SHA. */
function restFiles(api) {
    return (0,_commit_files_js__WEBPACK_IMPORTED_MODULE_0__/* .commitFiles */ .zu)({
        async tree(commit) {
            const { entries, truncated } = await api.tree(commit);
            if (truncated) {
                // Deleting on a partial listing could delete a product that a file still names.
                throw new Error(`GitHub cut short the file list of ${(0,_event_js__WEBPACK_IMPORTED_MODULE_1__/* .short */ .h0)(commit)} (too many files), so it cannot be checked that no other file still names a deleted ID. Add actions/checkout before this step so git can read the change.`);
            }
            return entries;
        },
        async blobs(objects) {
            // All at once: Octokit's throttling runs at most 10 requests together.
            const read = [...new Set(objects)].map(async (sha) => [sha, await api.blob(sha)]);
            return new Map(await Promise.all(read));
        }
    });
}
/** A page or redirect on another origin than the API's: not followed (see onApiOrigin). */
class ForeignOriginError extends Error {
    name = 'ForeignOriginError';
}
/**
 * The one Octokit of a run, for the REST diff reader and the comment: the proxy rule of every
 * call, bounded retries (5xx, network errors, time-outs; rate limits up to a minute), and
 * each attempt bounded and kept on the API's origin by `guarded`.
 */
async function octokitFor(token, target, limits) {
    // Loaded only when needed: most runs read the change with git.
    const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(758)]).then(__webpack_require__.bind(__webpack_require__, 1758)),
        Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(735)]).then(__webpack_require__.bind(__webpack_require__, 9735)),
        Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(856)]).then(__webpack_require__.bind(__webpack_require__, 6856))
    ]);
    const retries = Math.min(limits.retries, MAX_RETRIES);
    // Every request goes to the API's origin (guarded): one agent, and a bad proxy fails here.
    const agent = (0,_miso_proxy_js__WEBPACK_IMPORTED_MODULE_2__/* .agentFor */ .Pf)(target.apiUrl, target.env);
    const fetch = (url, init) => (0,node_fetch__WEBPACK_IMPORTED_MODULE_5__/* ["default"] */ .Ay)(url, { ...init, agent });
    const rateLimited = (what) => (seconds, options, _, count) => {
        if (count >= retries || seconds > MAX_RATE_LIMIT_WAIT_S)
            return false;
        limits.log.info(`GitHub API ${options.method} ${options.url}: ${what}; retrying in ${seconds} s.`);
        return true;
    };
    // Octokit would warn on the console: nothing reaches the log but through the run's channel.
    const debug = (message) => limits.log.debug(message);
    const quiet = { debug() { }, info() { }, warn: debug, error: debug };
    return getOctokit(token, {
        baseUrl: target.apiUrl,
        log: quiet,
        request: { fetch, log: quiet },
        retry: { retries, doNotRetry: DO_NOT_RETRY },
        throttle: {
            onRateLimit: rateLimited('rate limit'),
            onSecondaryRateLimit: rateLimited('secondary rate limit')
        }
    }, guarded(target.apiUrl, limits, retries), retry, throttling);
}
/**
 * A plugin inside the retry plugin, so it bounds each attempt: the time limit and the run's
 * signal, and the token kept on the API's origin (fetch would follow a redirect anywhere, and a
 * `Link` to a next page elsewhere is refused, as a listing cut short is not a whole one).
 */
function guarded(apiUrl, limits, retries) {
    return (octokit) => octokit.hook.wrap('request', async (request, options) => {
        limits.signal?.throwIfAborted();
        const stop = (0,_http_policy_js__WEBPACK_IMPORTED_MODULE_6__/* .timeLimit */ .zc)(limits.timeoutMs, limits.signal);
        // In place: the hooks inside this one were bound to this very options object.
        options.request = { ...options.request, redirect: 'manual', signal: stop.signal };
        try {
            for (let hops = 0;; hops++) {
                const response = await request(options);
                const location = response.headers.location;
                if (response.status < 300 || response.status > 399 || !location) {
                    const next = NEXT_PAGE.exec(response.headers.link ?? '')?.[1];
                    if (next !== undefined)
                        onApiOrigin(next, apiUrl, apiUrl, 'has its next page on');
                    return response;
                }
                if (hops === MAX_REDIRECTS) {
                    throw new Error(`GitHub API: more than ${MAX_REDIRECTS} redirects`);
                }
                options.url = onApiOrigin(location, response.url || apiUrl, apiUrl, 'redirects to');
            }
        }
        catch (error) {
            if (limits.signal?.aborted)
                throw error;
            const timedOut = stop.signal.aborted;
            const status = timedOut ? 504 : statusOf(error);
            const attempt = options.request.retryCount ?? 0;
            if (status && status >= 400 && !DO_NOT_RETRY.includes(status) && attempt < retries) {
                const what = timedOut ? 'no answer in time' : `HTTP ${status}`;
                limits.log.info(`GitHub API ${options.method} ${options.url}: ${what}; retrying in ${(attempt + 1) ** 2} s.`);
            }
            if (!timedOut)
                throw error;
            // Shaped like Octokit's errors, so that the retry plugin retries it.
            const message = `GitHub did not answer within ${limits.timeoutMs / 1000} s`;
            throw Object.assign(new Error(message, { cause: error }), { status, request: options });
        }
        finally {
            stop.done();
        }
    });
}
/** `url` (relative to `from`) when it is on the API's origin: the token is sent there only. */
function onApiOrigin(url, from, apiUrl, what) {
    const origin = new URL(apiUrl).origin;
    const target = URL.canParse(url, from) ? new URL(url, from) : undefined;
    if (target?.origin === origin)
        return target.href;
    throw new ForeignOriginError(`GitHub's answer ${what} ${target?.origin ?? 'an unreadable address'}, not the API's origin ${origin} (GITHUB_API_URL): not followed, as the token is sent there only`);
}
/** The entries of compare / pull request files, as FileChanges. */
function fileChanges(list) {
    return (Array.isArray(list) ? list.map(_json_js__WEBPACK_IMPORTED_MODULE_4__/* .objectOrEmpty */ .YN) : []).flatMap(file => {
        const { filename: path, previous_filename: oldPath } = file;
        const status = STATUSES.get(file.status);
        if (typeof path !== 'string' || !path || !status)
            return [];
        if (status !== 'renamed')
            return [{ status, path }];
        return [typeof oldPath === 'string' ? { status, oldPath, path } : { status: 'added', path }];
    });
}
/** Encodes each `/`-separated part of a path or ref for a URL. */
function segments(path) {
    return path.split('/').map(encodeURIComponent).join('/');
}
/** The HTTP status of an Octokit error; undefined for one without an answer. */
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}


/***/ }),

/***/ 2139:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  updatePullRequestComment: () => (/* binding */ updatePullRequestComment)
});

// EXTERNAL MODULE: ./src/diff/github-rest.ts
var github_rest = __webpack_require__(5603);
// EXTERNAL MODULE: ./src/diff/event.ts
var diff_event = __webpack_require__(8679);
// EXTERNAL MODULE: ./src/channel.ts
var channel = __webpack_require__(4972);
// EXTERNAL MODULE: ./src/plan.ts
var src_plan = __webpack_require__(2464);
// EXTERNAL MODULE: ./src/plural.ts
var plural = __webpack_require__(9133);
// EXTERNAL MODULE: ./src/report/run-report.ts
var run_report = __webpack_require__(7330);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(7994);
;// CONCATENATED MODULE: ./src/report/comment.ts
// The pull request comment as Markdown. Pure: a report in, a string out. While the pull
// request is open it shows what the merge will delete; after the merge, what was deleted;
// closed unmerged, that nothing will be. Every text is redacted, cut (channel.ts), then escaped
// (allEntities in markdown.ts), and the whole stays under GitHub's 65,536-character limit.








/** GitHub refuses comment bodies of 65,536 characters or more; keep a margin. */
const COMMENT_LIMIT = 60_000;
const OPEN_FOOTER = ' Its job summary lists every ID. This comment is updated on every run and shows the result after the merge.';
/**
 * The hidden first line that marks the comment of one workflow, job and step (two steps, e.g.
 * one per store, keep two comments). The names are percent-encoded with `-`, `!` and `>` too,
 * so no name can end the HTML comment early.
 */
function commentMarker(workflow, job, step) {
    const hex = (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;
    const encode = (name = '') => encodeURIComponent(name).replace(/[!'()*~.-]/g, hex);
    return `<!-- miso-bulk-delete comment workflow=${encode(workflow)} job=${encode(job)} step=${encode(step)} -->`;
}
/**
 * Untrusted text made safe for the comment. Unlike the summary, a comment notifies: neither
 * makes an autolink or a mention (`unlinked`), `prose` breaks `#123` so it links nothing, and
 * `code` shows a value (an ID, a path) as code, where GitHub makes no references.
 */
function textFor(clean) {
    const safe = (value, max) => (0,markdown/* unlinked */.hd)((0,channel.bound)(clean(value), max));
    return {
        prose: (value, max = channel.VALUE_LIMIT) => (0,markdown/* allEntities */.hD)(safe(value, max).replace(/#/g, '$&\u2060')),
        code: (value) => `<code>${(0,markdown/* allEntities */.hD)(safe(value, channel.VALUE_LIMIT))}</code>`
    };
}
function renderComment(report, context, limit = COMMENT_LIMIT) {
    const text = textFor(context.clean);
    const run = context.runUrl ? `[this workflow run](${context.runUrl})` : 'this workflow run';
    const where = context.state === 'open' ? OPEN_FOOTER : ' Its job summary has the details.';
    const footer = `\n<sub>Written by ${run}.${where}</sub>\n`;
    const head = `${context.marker}\n${headline(report, context.state, text.prose(context.title), text)}\n`;
    let room = limit - head.length - footer.length;
    const parts = [head];
    for (const section of sections(report, context.state, text)) {
        const more = (left) => `\n… ${left} more ${section.what} not shown: the job summary and the step outputs have them all.\n`;
        // No one list takes more than 12,000 characters, so a huge one leaves room for the others.
        const fitted = (0,markdown/* mdSection */.ji)(section, more, Math.min(room, 12_000));
        if (fitted === '')
            continue;
        parts.push(fitted);
        room -= fitted.length + 1;
    }
    return [...parts, footer].join('\n');
}
/** The heading and the paragraphs under it, for the pull request's state. */
function headline(report, state, title, text) {
    const { plan, error, status, deletion, diff } = report;
    const count = plan?.ids.length ?? 0;
    const noun = report.recordType === 'users' ? 'user' : 'product';
    const message = (value) => text.prose(value, channel.MESSAGE_LIMIT);
    const change = diff && `Change compared: ${text.code(`${(0,diff_event/* short */.h0)(diff.base)}..${(0,diff_event/* short */.h0)(diff.head)}`)}`;
    const totals = text.prose((0,summary/* formatCounts */.gM)((0,run_report/* countTotals */.Hk)(report)));
    const row = `| ${status} | ${count} | ${deletion?.taskIds.length ?? 0} | ${(0,run_report/* failedCount */.dD)(report)} | ${totals} |`;
    const byState = {
        closed: [
            `### ➖ ${title}: nothing will be deleted`,
            'This pull request was closed without being merged, so nothing will be deleted from Miso.'
        ],
        open: [
            `### 🔍 ${title}: preview`,
            error
                ? `The preview failed: ${message(error)}`
                : `When this pull request is merged, ${count === 0 ? `no ${noun}` : `**${(0,plural/* plural */.L)(count, noun)}**`} will be deleted from Miso.`,
            'Nothing was deleted yet.',
            change
        ],
        merged: [
            `### ${run_report/* ICON */.kb[status]} ${title}: ${status}`,
            error && `**Error:** ${message(error)}`,
            report.dryRunReason &&
                `**Dry run:** ${text.prose(report.dryRunReason)}. Nothing was sent to Miso.`,
            deletion?.stoppedBy && `**Stopped:** ${message(deletion.stoppedBy)}`,
            [...(0,markdown/* tableHead */.PP)('Status', 'IDs:', 'Tasks:', 'Failed IDs:', 'Counts from Miso'), row].join('\n'),
            change
        ]
    };
    return (0,markdown/* paragraphs */.qN)(byState[state]);
}
/** The lists the comment shows for the pull request's state, with what their rows count. */
function sections(report, state, { prose, code }) {
    const { plan, deletion, diff, notes } = report;
    const ids = plan?.ids ?? [];
    // The ID list shows the first IDs only: its count is of them all.
    const section = (what, heading, rows, titles) => {
        const count = what === 'IDs' ? ids.length : rows.length;
        const head = titles ? (0,markdown/* tableHead */.PP)(...titles.split(', ')) : undefined;
        return { heading: `#### ${heading}`, what, rows, head, count };
    };
    const found = (plan?.sources ?? []).map(s => (0,markdown/* tableRow */.jD)(prose((0,src_plan/* describeSource */.B6)(s)), s.found, (0,markdown/* firstIds */.pW)(s.ids, code)));
    const keptRows = (diff?.kept ?? []).map(k => (0,markdown/* tableRow */.jD)(code(k.id), code(k.path)));
    const sources = section('sources', 'Where the IDs come from', found, 'Source, IDs:, First IDs');
    const kept = section('kept IDs', 'Kept: still named in the repository', keptRows, 'ID, File');
    if (state === 'closed')
        return [];
    if (state === 'open') {
        const idRows = ids.slice(0, 100).map(id => `- ${code(id)}`);
        const noteRows = notes.map(n => `- ${prose(n)}`);
        const idList = section('IDs', `IDs to delete (${ids.length})`, idRows);
        return [sources, idList, kept, section('notes', 'Notes', noteRows)];
    }
    const taskRows = (deletion?.batches ?? []).map(b => {
        const counts = prose((0,summary/* formatCounts */.gM)(b.counts));
        return (0,markdown/* tableRow */.jD)(b.index + 1, b.taskId ? code(b.taskId) : '', b.count, b.status, counts);
    });
    const failureRows = (0,summary/* errorRows */.GI)(report, prose);
    const failures = section('failures', 'Failures', failureRows, 'Batch:, HTTP status:, Message');
    const tasks = section('tasks', 'Tasks', taskRows, 'Batch:, Task ID, IDs:, Status, Counts');
    return [tasks, failures, sources, kept];
}

;// CONCATENATED MODULE: ./src/github/pr-comment.ts
// The pull request comment's I/O: finds this workflow, job and step's comment by its hidden
// marker (through every page of the pull request's comments) among those the token's own
// identity wrote, then edits it, or creates it the first time. Runs after the outputs and
// summary are written and never throws: a comment that cannot be written is a notice, never a
// failed run.




/** 100 comments a page: more pages than this is not a pull request anyone reads. */
const MAX_PAGES = 500;
/** Which of the given comments the token's own identity wrote. */
const VIEWER_DID_AUTHOR = 'query($ids: [ID!]!) { nodes(ids: $ids) { ... on IssueComment { viewerDidAuthor } } }';
/** Writes the comment when the event is about a pull request; its URL, or undefined. */
async function updatePullRequestComment(run) {
    const { event, log } = run;
    const pull = (0,diff_event/* pullRequestOf */._n)(event.name, event.payload);
    const notWritten = `The pull request comment on #${pull?.number} was not written`;
    const notAbout = `No pull request comment (\`comment\` is true): the \`${event.name || 'unknown'}\` event is not about a pull request.`;
    if (!pull || !run.settings.githubToken) {
        log.notice(pull ? `${notWritten}: \`github-token\` is empty.` : notAbout);
        return undefined;
    }
    try {
        return (await writeComment(run, pull)) || undefined;
    }
    catch (error) {
        const status = (0,github_rest/* statusOf */.c2)(error);
        const message = run.clean(error instanceof Error ? error.message : String(error));
        const forbidden = `the token may not comment (HTTP ${status}: ${message}). It needs \`permissions: pull-requests: write\`; pull requests from forks only get a read-only token, so their preview is in the job summary only.`;
        // Only an error nobody expects is a warning: the rest are notices.
        const why = [401, 403, 404].includes(status ?? 0)
            ? forbidden
            : error instanceof github_rest/* ForeignOriginError */.HN
                ? message
                : run.signal.aborted && 'the run was cancelled.';
        if (why)
            log.notice(`${notWritten}: ${why}`);
        else
            log.warning(`${notWritten} (the run's result is not affected): ${message}`);
        return undefined;
    }
}
/** Edits this step's comment, or creates it the first time; its URL. */
async function writeComment(run, pull) {
    const { env, log, settings, clean, signal } = run;
    const target = (0,github_rest/* restTarget */.Ys)(env);
    const marker = commentMarker(env.GITHUB_WORKFLOW, env.GITHUB_JOB, env.GITHUB_ACTION);
    // The link to this workflow run's attempt, from the runner's environment.
    const runUrl = (0,run_report/* repositoryLinks */.Ay)(env, run.event)?.runUrl;
    const context = { marker, title: settings.commentTitle, state: pull.state, clean, runUrl };
    const body = renderComment(run.report, context);
    const limits = { signal, timeoutMs: settings.requestTimeoutMs, retries: settings.retries, log };
    const octokit = await (0,github_rest/* octokitFor */.d_)(settings.githubToken, target, limits);
    const { owner, repo } = target;
    const issue = { owner, repo, issue_number: pull.number };
    /**
     * The ID of the oldest comment that starts with the marker and that the token's own identity
     * wrote (GraphQL `viewerDidAuthor`): anyone can paste a marker, a member or another bot too,
     * and their comment is not ours.
     */
    const find = async () => {
        const params = { ...issue, per_page: 100 };
        const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, params);
        let page = 0;
        for await (const { data } of pages) {
            // A page that is not a list (a proxy or an outage answering 200) holds no comment of ours.
            const marked = (Array.isArray(data) ? data : []).filter(c => c.body?.startsWith(marker));
            // At most 100 a page: one query.
            const ids = marked.map(c => c.node_id);
            const answer = ids.length ? await octokit.graphql(VIEWER_DID_AUTHOR, { ids }) : {};
            const own = marked.find((_, i) => answer?.nodes?.[i]?.viewerDidAuthor === true);
            if (own || ++page === MAX_PAGES)
                return own?.id;
        }
        return undefined;
    };
    const edit = async (comment_id) => (await octokit.rest.issues.updateComment({ owner, repo, comment_id, body })).data.html_url;
    const existing = await find();
    if (existing !== undefined) {
        const url = await edit(existing);
        log.info(`Updated the pull request comment: ${url}`);
        return url;
    }
    const { data } = await octokit.rest.issues.createComment({ ...issue, body });
    log.info(`Wrote the pull request comment: ${data.html_url}`);
    // A run of the same job that started at the same moment may have created one too:
    // both keep the oldest, and the newer one is deleted.
    const oldest = await find();
    if (oldest === undefined || oldest === data.id)
        return data.html_url;
    const url = await edit(oldest);
    await octokit.rest.issues.deleteComment({ owner, repo, comment_id: data.id });
    log.info(`Another run had written the comment at the same time: kept that one, ${url}`);
    return url;
}


/***/ })

};
