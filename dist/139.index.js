export const id = 139;
export const ids = [139];
export const modules = {

/***/ 5603:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HN: () => (/* binding */ ForeignOriginError),
/* harmony export */   Sd: () => (/* binding */ openRestComparison),
/* harmony export */   Ys: () => (/* binding */ restTarget),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   d_: () => (/* binding */ octokitFor),
/* harmony export */   yS: () => (/* binding */ GitHubRest)
/* harmony export */ });
/* unused harmony export onApiOrigin */
/* harmony import */ var _commit_files_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4528);
/* harmony import */ var _event_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8679);
/* harmony import */ var _github_env_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4626);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8301);
/* harmony import */ var _miso_proxy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1628);
/* harmony import */ var node_fetch__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(816);
// The diff source without a git checkout: the same comparison read through GitHub's REST
// API (compare, pull request files, contents, trees), honouring GITHUB_API_URL.






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
const NEXT_PAGE = /<([^<>]+)>\s*;\s*rel="next"/;
/** Where the API is and which repository to read, from the runner's environment. */
function restTarget(env) {
    const repository = (0,_github_env_js__WEBPACK_IMPORTED_MODULE_3__/* .repositoryOf */ ._M)(env);
    if (!repository) {
        throw new Error(`GITHUB_REPOSITORY ${JSON.stringify(env.GITHUB_REPOSITORY ?? '')} is not owner/name`);
    }
    return { apiUrl: (0,_github_env_js__WEBPACK_IMPORTED_MODULE_3__/* .apiUrlOf */ .po)(env), ...repository, env };
}
/** The REST calls the diff source makes; each throws with GitHub's status and message. */
class GitHubRest {
    octokit;
    target;
    signal;
    constructor(octokit, target, signal) {
        this.octokit = octokit;
        this.target = target;
        this.signal = signal;
    }
    static async open(token, target, limits) {
        return new GitHubRest(await octokitFor(token, target, limits), target, limits.signal);
    }
    /** The commit a SHA or ref names; undefined when GitHub knows no such commit. */
    async commit(ref) {
        try {
            const data = (0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .objectOrEmpty */ .YN)(await this.get(`commits/${segments(ref)}`));
            const parents = Array.isArray(data.parents) ? data.parents : [];
            return { sha: String(data.sha), parents: parents.map(p => String((0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .objectOrEmpty */ .YN)(p).sha)) };
        }
        catch (error) {
            if (statusOf(error) === 404 || statusOf(error) === 422)
                return undefined;
            throw error;
        }
    }
    /**
     * `base...head`: the merge base GitHub compares from, and the changed files. Files come
     * with the first page (later pages list more commits); GitHub stops at 300 files.
     */
    async compare(base, head) {
        const files = new Map();
        let mergeBase = '';
        let url = this.url(`compare/${segments(base)}...${segments(head)}?per_page=100`);
        while (url) {
            const page = url;
            const { data, headers } = await this.failing(page, () => this.octokit.request(`GET ${page}`));
            const body = (0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .objectOrEmpty */ .YN)(data);
            mergeBase ||= String((0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .objectOrEmpty */ .YN)(body.merge_base_commit).sha ?? '');
            const before = files.size;
            for (const change of fileChanges(body.files)) {
                files.set(`${change.oldPath ?? ''}\0${change.path}`, change);
            }
            // Pages beyond the first only list commits: stop once one adds no file. (Not paginate():
            // it would read every page of commits.) The guard checked the next page's origin.
            url = (files.size > before && NEXT_PAGE.exec(headers.link ?? '')?.[1]) || '';
        }
        return { mergeBase, files: [...files.values()], capped: files.size >= COMPARE_FILE_CAP };
    }
    /** The files a pull request changes (its own change), up to GitHub's 3000. */
    async pullFiles(pullNumber) {
        const url = this.url(`pulls/${pullNumber}/files`);
        const list = await this.failing(url, () => this.octokit.paginate(`GET ${url}`, { per_page: 100 }));
        const files = fileChanges(list);
        return { files, capped: files.length >= PULL_FILE_CAP };
    }
    /** The contents of a blob. */
    async blob(sha) {
        const body = (0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .objectOrEmpty */ .YN)(await this.get(`git/blobs/${segments(sha)}`));
        if (typeof body.content !== 'string' || body.encoding !== 'base64') {
            throw new Error(`GitHub API: blob ${(0,_event_js__WEBPACK_IMPORTED_MODULE_1__/* .short */ .h0)(sha)} came without base64 content`);
        }
        return Buffer.from(body.content, 'base64');
    }
    /** Every file, link and submodule at a commit; `truncated` when GitHub cut the listing short. */
    async tree(sha) {
        const body = (0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .objectOrEmpty */ .YN)(await this.get(`git/trees/${segments(sha)}?recursive=1`));
        const entries = new Map();
        for (const entry of Array.isArray(body.tree) ? body.tree.map(_json_js__WEBPACK_IMPORTED_MODULE_4__/* .objectOrEmpty */ .YN) : []) {
            if ((entry.type === 'blob' || entry.type === 'commit') && typeof entry.path === 'string') {
                entries.set(entry.path, { mode: String(entry.mode), object: String(entry.sha) });
            }
        }
        return { entries, truncated: body.truncated === true };
    }
    url(path) {
        const { apiUrl, owner, repo } = this.target;
        return `${apiUrl}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/${path}`;
    }
    async get(path) {
        const url = this.url(path);
        return (await this.failing(url, () => this.octokit.request(`GET ${url}`))).data;
    }
    /** Errors name the request, with GitHub's status; a cancelled run's abort stays as it is. */
    async failing(url, call) {
        try {
            return await call();
        }
        catch (error) {
            this.signal?.throwIfAborted();
            const status = statusOf(error);
            const message = error instanceof Error ? error.message : String(error);
            const answer = status && !message.includes(String(status)) ? `${status} ${message}` : message;
            throw Object.assign(new Error(`GitHub API GET ${url}: ${answer}`, { cause: error }), {
                status
            });
        }
    }
}
/** A Comparison of the range, read through the REST API. */
async function openRestComparison(api, range, env) {
    const notices = [];
    const warnings = [];
    // Without a checkout, HEAD is the commit the run is for.
    const commitOf = async (ref, what) => {
        const name = ref === 'HEAD' ? (env.GITHUB_SHA ?? '') : ref;
        const sha = (await api.commit(name))?.sha;
        if (!sha)
            throw new Error(`GitHub knows no commit ${JSON.stringify(name)} (${what})`);
        return sha;
    };
    const head = await commitOf(range.head, 'the head to compare');
    const result = range.result === range.head ? head : await commitOf(range.result, 'the result');
    let base = await restBase(api, range, notices);
    let changes = [];
    if (base === undefined) {
        notices.push(`${(0,_event_js__WEBPACK_IMPORTED_MODULE_1__/* .short */ .h0)(head)} is a root commit: no file existed before it, so none was deleted.`);
        base = head;
    }
    else if (base !== head) {
        const compared = await api.compare(base, head);
        if (compared.mergeBase && compared.mergeBase !== base && !range.mergeBaseOf) {
            notices.push(`GitHub compares from the merge base ${(0,_event_js__WEBPACK_IMPORTED_MODULE_1__/* .short */ .h0)(compared.mergeBase)} of ${(0,_event_js__WEBPACK_IMPORTED_MODULE_1__/* .short */ .h0)(base)} and ${(0,_event_js__WEBPACK_IMPORTED_MODULE_1__/* .short */ .h0)(head)}.`);
        }
        base = compared.mergeBase || base;
        changes = compared.files;
        if (compared.capped && range.pullNumber !== undefined) {
            const pull = await api.pullFiles(range.pullNumber);
            changes = pull.files;
            if (pull.capped)
                warnings.push(capWarning(`pull request #${range.pullNumber}`, PULL_FILE_CAP));
        }
        else if (compared.capped) {
            warnings.push(capWarning(`${(0,_event_js__WEBPACK_IMPORTED_MODULE_1__/* .short */ .h0)(base)}...${(0,_event_js__WEBPACK_IMPORTED_MODULE_1__/* .short */ .h0)(head)}`, COMPARE_FILE_CAP));
        }
    }
    return {
        via: 'rest',
        base,
        head,
        result,
        changes,
        notices,
        warnings,
        ...restFiles(api)
    };
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
            const wanted = [...new Set(objects)];
            const contents = await Promise.all(wanted.map(sha => api.blob(sha)));
            return new Map(wanted.map((sha, i) => [sha, contents[i]]));
        }
    });
}
/** The commit to compare from; undefined when the range starts before a root commit. */
async function restBase(api, range, notices) {
    if (range.mergeBaseOf)
        return range.mergeBaseOf.base;
    const resolve = async (rev) => {
        const parentOf = /^(.+)\^$/.exec(rev);
        const commit = await api.commit(parentOf ? parentOf[1] : rev);
        if (!commit)
            return null;
        return parentOf ? commit.parents[0] : commit.sha;
    };
    const base = await resolve(range.base);
    if (base !== null)
        return base;
    if (range.baseFallback) {
        notices.push(range.baseFallback.notice);
        const fallback = await resolve(range.baseFallback.base);
        if (fallback !== null)
            return fallback;
    }
    throw new Error(`GitHub knows no commit ${JSON.stringify(range.base)} (the base to compare)`);
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
        // One controller for both ends: AbortSignal.any() over AbortSignal.timeout() did not
        // always fire on Node 20.
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
        const onAbort = () => controller.abort(limits.signal?.reason);
        limits.signal?.addEventListener('abort', onAbort, { once: true });
        // In place: the hooks inside this one were bound to this very options object.
        options.request = { ...options.request, redirect: 'manual', signal: controller.signal };
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
            const timedOut = controller.signal.aborted;
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
            clearTimeout(timer);
            limits.signal?.removeEventListener('abort', onAbort);
        }
    });
}
/** `url` (relative to `from`) when it is on the API's origin: the token is sent there only. */
function onApiOrigin(url, from, apiUrl, what) {
    const origin = new URL(apiUrl).origin;
    let target;
    try {
        target = new URL(url, from);
    }
    catch {
        // Named below as unreadable.
    }
    if (target?.origin === origin)
        return target.href;
    throw new ForeignOriginError(`GitHub's answer ${what} ${target?.origin ?? 'an unreadable address'}, not the API's origin ${origin} (GITHUB_API_URL): not followed, as the token is sent there only`);
}
function capWarning(what, cap) {
    return `GitHub lists at most ${cap} changed files for ${what}, and this change has at least that many: files beyond them were not checked, so some deletions may be missing. Add actions/checkout before this step so git reads the whole change.`;
}
/** The entries of compare / pull request files, as FileChanges. */
function fileChanges(list) {
    return (Array.isArray(list) ? list : []).map(fileChange).filter(change => change !== undefined);
}
function fileChange(value) {
    const file = (0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .objectOrEmpty */ .YN)(value);
    const path = typeof file.filename === 'string' ? file.filename : undefined;
    if (!path)
        return undefined;
    switch (file.status) {
        case 'removed':
            return { status: 'deleted', path };
        case 'renamed':
            return typeof file.previous_filename === 'string'
                ? { status: 'renamed', oldPath: file.previous_filename, path }
                : { status: 'added', path };
        case 'added':
        case 'copied':
            return { status: 'added', path };
        case 'modified':
        case 'changed':
            return { status: 'modified', path };
        default:
            return undefined;
    }
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
// EXTERNAL MODULE: ./src/github-env.ts
var github_env = __webpack_require__(4626);
// EXTERNAL MODULE: ./src/json.ts
var json = __webpack_require__(8301);
// EXTERNAL MODULE: ./src/channel.ts
var channel = __webpack_require__(4972);
// EXTERNAL MODULE: ./src/plan.ts
var plan = __webpack_require__(2464);
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
/** No one list may take more than this, so a huge one still leaves room for the others. */
const SECTION_LIMIT = 12_000;
const FIRST_IDS = 100;
/**
 * The hidden first line that marks the comment of one workflow, job and step (two steps, e.g.
 * one per store, keep two comments). The names are percent-encoded with `-`, `!` and `>` too,
 * so no name can end the HTML comment early.
 */
function commentMarker(workflow, job, step) {
    const encode = (name) => encodeURIComponent(name).replace(/[!'()*~.-]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    return `<!-- miso-bulk-delete comment workflow=${encode(workflow)} job=${encode(job)} step=${encode(step)} -->`;
}
function renderComment(report, context, limit = COMMENT_LIMIT) {
    const safe = (value, max) => (0,markdown/* unlinked */.hd)((0,channel.bound)(context.clean(value), max));
    const text = {
        prose: (value, max = channel.VALUE_LIMIT) => (0,markdown/* allEntities */.hD)(safe(value, max).replace(/#/g, '$&\u2060')),
        code: value => `<code>${(0,markdown/* allEntities */.hD)(safe(value, channel.VALUE_LIMIT))}</code>`
    };
    const footer = footerOf(context);
    const title = text.prose(context.title);
    const head = [context.marker, ...headline(report, context.state, title, text)].join('\n') + '\n';
    let room = limit - head.length - footer.length;
    const parts = [head];
    for (const section of sections(report, context.state, text)) {
        const more = (left) => `\n… ${left} more ${section.what} not shown: the job summary and the step outputs have them all.\n`;
        const fitted = (0,markdown/* mdSection */.ji)(section, more, Math.min(room, SECTION_LIMIT));
        if (fitted === '')
            continue;
        parts.push(fitted);
        room -= fitted.length + 1;
    }
    parts.push(footer);
    return parts.join('\n');
}
function headline(report, state, title, text) {
    if (state === 'closed') {
        return [
            `### ➖ ${title}: nothing will be deleted`,
            '',
            'This pull request was closed without being merged, so nothing will be deleted from Miso.'
        ];
    }
    const count = report.plan?.ids.length ?? 0;
    const noun = report.recordType === 'users' ? 'user' : 'product';
    const message = (value) => text.prose(value, channel.MESSAGE_LIMIT);
    const lines = [];
    if (state === 'open') {
        lines.push(`### 🔍 ${title}: preview`, '');
        if (report.error)
            lines.push(`The preview failed: ${message(report.error)}`, '');
        else if (count === 0) {
            lines.push(`When this pull request is merged, no ${noun} will be deleted from Miso.`, '');
        }
        else {
            const records = `${count} ${noun}${count === 1 ? '' : 's'}`;
            lines.push(`When this pull request is merged, **${records}** will be deleted from Miso.`, '');
        }
        lines.push('Nothing was deleted yet.');
    }
    else {
        lines.push(`### ${summary/* ICON */.kb[report.status]} ${title}: ${report.status}`, '');
        if (report.error)
            lines.push(`**Error:** ${message(report.error)}`, '');
        if (report.dryRunReason) {
            lines.push(`**Dry run:** ${text.prose(report.dryRunReason)}. Nothing was sent to Miso.`, '');
        }
        const { stoppedBy, taskIds = [] } = report.deletion ?? {};
        if (stoppedBy)
            lines.push(`**Stopped:** ${message(stoppedBy)}`, '');
        lines.push(...(0,markdown/* tableHead */.PP)('Status', 'IDs:', 'Tasks:', 'Failed IDs:', 'Counts from Miso'), `| ${report.status} | ${count} | ${taskIds.length} | ${(0,run_report/* failedCount */.dD)(report)} | ${text.prose((0,summary/* formatCounts */.gM)((0,run_report/* countTotals */.Hk)(report)))} |`);
    }
    if (report.diff) {
        const { base, head } = report.diff;
        lines.push('', `Change compared: ${text.code(`${(0,diff_event/* short */.h0)(base)}..${(0,diff_event/* short */.h0)(head)}`)}`);
    }
    return lines;
}
/** The lists the comment shows for the pull request's state, with what their rows count. */
function sections(report, state, text) {
    const ids = report.plan?.ids ?? [];
    const batches = report.deletion?.batches ?? [];
    const failed = batches.filter(b => b.error);
    const kept = report.diff?.kept ?? [];
    const sources = {
        heading: '#### Where the IDs come from',
        head: (0,markdown/* tableHead */.PP)('Source', 'IDs:', 'First IDs'),
        rows: (report.plan?.sources ?? []).map(s => `| ${text.prose((0,plan/* describeSource */.B6)(s))} | ${s.found} | ${(0,markdown/* firstIds */.pW)(s.ids, text.code)} |`),
        what: 'sources'
    };
    const keptIds = {
        heading: '#### Kept: still named in the repository',
        head: (0,markdown/* tableHead */.PP)('ID', 'File'),
        rows: kept.map(k => `| ${text.code(k.id)} | ${text.code(k.path)} |`),
        what: 'kept IDs'
    };
    if (state === 'closed')
        return [];
    const merged = state === 'merged';
    const tasks = {
        heading: '#### Tasks',
        head: (0,markdown/* tableHead */.PP)('Batch:', 'Task ID', 'IDs:', 'Status', 'Counts'),
        rows: batches.map(b => `| ${b.index + 1} | ${b.taskId ? text.code(b.taskId) : ''} | ${b.count} | ${b.status} | ${text.prose((0,summary/* formatCounts */.gM)(b.counts))} |`),
        what: 'tasks'
    };
    const failures = {
        heading: '#### Failures',
        head: (0,markdown/* tableHead */.PP)('Batch:', 'HTTP status:', 'Message'),
        rows: failed.map(b => `| ${b.index + 1} | ${b.error?.httpStatus ?? ''} | ${text.prose(b.error?.message ?? '')} |`),
        what: 'failures'
    };
    const idList = {
        heading: `#### IDs to delete (${ids.length})`,
        rows: ids.slice(0, FIRST_IDS).map(id => `- ${text.code(id)}`),
        count: ids.length,
        what: 'IDs'
    };
    const notes = {
        heading: '#### Notes',
        rows: report.notes.map(n => `- ${text.prose(n)}`),
        what: 'notes'
    };
    const chosen = merged ? [tasks, failures, sources, keptIds] : [sources, idList, keptIds, notes];
    return chosen.filter(section => section.rows.length > 0);
}
function footerOf(context) {
    const run = context.runUrl ? `[this workflow run](${context.runUrl})` : 'this workflow run';
    const where = context.state === 'open'
        ? ' Its job summary lists every ID. This comment is updated on every run and shows the result after the merge.'
        : ' Its job summary has the details.';
    return `\n<sub>Written by ${run}.${where}</sub>\n`;
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
    const { event, env, log } = run;
    const pull = (0,diff_event/* pullRequestOf */._n)(event.name, event.payload);
    if (!pull) {
        log.notice(`No pull request comment (\`comment\` is true): the \`${event.name || 'unknown'}\` event is not about a pull request.`);
        return undefined;
    }
    const notWritten = `The pull request comment on #${pull.number} was not written`;
    if (!run.settings.githubToken) {
        log.notice(`${notWritten}: \`github-token\` is empty.`);
        return undefined;
    }
    try {
        const target = (0,github_rest/* restTarget */.Ys)(env);
        const { GITHUB_WORKFLOW: workflow, GITHUB_JOB: job, GITHUB_ACTION: step } = env;
        const marker = commentMarker(workflow ?? '', job ?? '', step ?? '');
        const body = renderComment(run.report, {
            marker,
            title: run.settings.commentTitle,
            state: pull.state,
            runUrl: runUrlOf(env),
            clean: run.clean
        });
        const octokit = await (0,github_rest/* octokitFor */.d_)(run.settings.githubToken, target, {
            signal: run.signal,
            timeoutMs: run.settings.requestTimeoutMs,
            retries: run.settings.retries,
            log
        });
        const issue = { owner: target.owner, repo: target.repo, issue_number: pull.number };
        return (await writeComment(octokit, issue, marker, body, log)) || undefined;
    }
    catch (error) {
        const status = (0,github_rest/* statusOf */.c2)(error);
        const message = run.clean(error instanceof Error ? error.message : String(error));
        if (status === 401 || status === 403 || status === 404) {
            log.notice(`${notWritten}: the token may not comment (HTTP ${status}: ${message}). It needs \`permissions: pull-requests: write\`; pull requests from forks only get a read-only token, so their preview is in the job summary only.`);
        }
        else if (error instanceof github_rest/* ForeignOriginError */.HN) {
            log.notice(`${notWritten}: ${message}`);
        }
        else if (run.signal.aborted) {
            log.notice(`${notWritten}: the run was cancelled.`);
        }
        else {
            log.warning(`${notWritten} (the run's result is not affected): ${message}`);
        }
        return undefined;
    }
}
/** Edits this step's comment, or creates it the first time; its URL. */
async function writeComment(octokit, issue, marker, body, log) {
    const { owner, repo } = issue;
    const find = () => findComment(octokit, issue, marker);
    const edit = async (id) => (await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body })).data.html_url;
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
/**
 * The ID of the oldest comment that starts with the marker and that the token's own identity
 * wrote (GraphQL `viewerDidAuthor`): anyone can paste a marker, a member or another bot too,
 * and their comment is not ours.
 */
async function findComment(octokit, issue, marker) {
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
        ...issue,
        per_page: 100
    });
    let page = 0;
    for await (const { data } of pages) {
        const marked = (Array.isArray(data) ? data : []).filter(c => c.body?.startsWith(marker));
        if (marked.length > 0) {
            // At most 100 a page: one query.
            const answer = (0,json/* objectOrEmpty */.YN)(await octokit.graphql(VIEWER_DID_AUTHOR, { ids: marked.map(c => c.node_id) }));
            const nodes = Array.isArray(answer.nodes) ? answer.nodes : [];
            const own = marked.find((_, i) => (0,json/* objectOrEmpty */.YN)(nodes[i]).viewerDidAuthor === true);
            if (own)
                return own.id;
        }
        if (++page === MAX_PAGES)
            return undefined;
    }
    return undefined;
}
/** The link to this workflow run, from the runner's environment; undefined when incomplete. */
function runUrlOf(env) {
    const repository = (0,github_env/* repositoryUrlOf */.ZN)(env);
    const runId = env.GITHUB_RUN_ID ?? '';
    if (!repository || !/^\d+$/.test(runId))
        return undefined;
    const attempt = env.GITHUB_RUN_ATTEMPT ?? '';
    return `${repository}/actions/runs/${runId}${/^\d+$/.test(attempt) ? `/attempts/${attempt}` : ''}`;
}


/***/ })

};
