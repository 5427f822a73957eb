export const id = 139;
export const ids = [139];
export const modules = {

/***/ 5603:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HN: () => (/* binding */ ForeignOriginError),
/* harmony export */   Sd: () => (/* binding */ openRestComparison),
/* harmony export */   Ys: () => (/* binding */ restTarget),
/* harmony export */   Zj: () => (/* binding */ nextPage),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   d_: () => (/* binding */ octokitFor),
/* harmony export */   yS: () => (/* binding */ GitHubRest)
/* harmony export */ });
/* harmony import */ var _commit_files_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4528);
/* harmony import */ var _event_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8679);
/* harmony import */ var _http_policy_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2598);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8301);
/* harmony import */ var _miso_throttle_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9754);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_2__);
// The diff source without a git checkout: the same comparison read through GitHub's REST
// API (compare, pull request files, contents, trees), honouring GITHUB_API_URL.






/** GitHub lists at most this many files in a comparison, and in a pull request. */
const COMPARE_FILE_CAP = 300;
const PULL_FILE_CAP = 3000;
/** Blobs read at once. */
const READ_CONCURRENCY = 8;
/** Retries of one GitHub request on 5xx, time-outs and rate limits (fewer than Miso's). */
const MAX_RETRIES = 3;
const FIRST_BACK_OFF_MS = 1000;
/** A secondary rate limit without Retry-After: GitHub asks for at least a minute. */
const RATE_LIMIT_PAUSE_MS = 60_000;
/** Where the API is and which repository to read, from the runner's environment. */
function restTarget(env) {
    const repository = env.GITHUB_REPOSITORY ?? '';
    const match = /^([\w.-]+)\/([\w.-]+)$/.exec(repository);
    if (!match || [match[1], match[2]].some(name => /^\.+$/.test(name))) {
        throw new Error(`GITHUB_REPOSITORY ${JSON.stringify(repository)} is not owner/name`);
    }
    const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
    return { apiUrl, owner: match[1], repo: match[2] };
}
/** The REST calls the diff source makes; each throws with GitHub's status and message. */
class GitHubRest {
    octokit;
    target;
    limits;
    constructor(octokit, target, limits) {
        this.octokit = octokit;
        this.target = target;
        this.limits = limits;
    }
    static async open(token, target, limits) {
        return new GitHubRest(await octokitFor(token, target.apiUrl, limits), target, limits);
    }
    /** The commit a SHA or ref names; undefined when GitHub knows no such commit. */
    async commit(ref) {
        try {
            const data = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .objectOrEmpty */ .YN)(await this.get(`commits/${segments(ref)}`));
            const parents = Array.isArray(data.parents) ? data.parents : [];
            return { sha: String(data.sha), parents: parents.map(p => String((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .objectOrEmpty */ .YN)(p).sha)) };
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
            const { data, next } = await this.page(url);
            const body = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .objectOrEmpty */ .YN)(data);
            mergeBase ||= String((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .objectOrEmpty */ .YN)(body.merge_base_commit).sha ?? '');
            const before = files.size;
            for (const file of Array.isArray(body.files) ? body.files : []) {
                const change = fileChange(file);
                if (change)
                    files.set(`${change.oldPath ?? ''}\0${change.path}`, change);
            }
            // Pages beyond the first only list commits: stop once one adds no file.
            url = files.size > before ? next : undefined;
        }
        return { mergeBase, files: [...files.values()], capped: files.size >= COMPARE_FILE_CAP };
    }
    /** The files a pull request changes (its own change), up to GitHub's 3000. */
    async pullFiles(pullNumber) {
        const files = [];
        let url = this.url(`pulls/${pullNumber}/files?per_page=100`);
        while (url) {
            const { data, next } = await this.page(url);
            for (const file of Array.isArray(data) ? data : []) {
                const change = fileChange(file);
                if (change)
                    files.push(change);
            }
            url = next;
        }
        return { files, capped: files.length >= PULL_FILE_CAP };
    }
    /** The contents of a blob. */
    async blob(sha) {
        const body = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .objectOrEmpty */ .YN)(await this.get(`git/blobs/${segments(sha)}`));
        if (typeof body.content !== 'string' || body.encoding !== 'base64') {
            throw new Error(`GitHub API: blob ${(0,_event_js__WEBPACK_IMPORTED_MODULE_1__/* .short */ .h0)(sha)} came without base64 content`);
        }
        return Buffer.from(body.content, 'base64');
    }
    /** Every file, link and submodule at a commit; `truncated` when GitHub cut the listing short. */
    async tree(sha) {
        const body = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .objectOrEmpty */ .YN)(await this.get(`git/trees/${segments(sha)}?recursive=1`));
        const entries = new Map();
        for (const entry of Array.isArray(body.tree) ? body.tree.map(_json_js__WEBPACK_IMPORTED_MODULE_3__/* .objectOrEmpty */ .YN) : []) {
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
        return (await this.page(this.url(path))).data;
    }
    async page(url) {
        try {
            const response = await this.octokit.request({ method: 'GET', url });
            return {
                data: response.data,
                next: nextPage(response.headers.link, this.target.apiUrl)
            };
        }
        catch (error) {
            this.limits.signal?.throwIfAborted();
            throw Object.assign(new Error(`GitHub API GET ${url}: ${messageOf(error)}`, { cause: error }), {
                status: statusOf(error)
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
            const wanted = [...new Set(objects)];
            const contents = await mapLimited(wanted, READ_CONCURRENCY, sha => api.blob(sha));
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
/** Redirects followed in a row, on the API's own origin. */
const MAX_REDIRECTS = 5;
/** A page or redirect on another origin than the API's: not followed (see onApiOrigin). */
class ForeignOriginError extends Error {
    name = 'ForeignOriginError';
}
/**
 * The one Octokit of a run, for the REST diff reader and the comment: redirects followed on the
 * API's origin only, and every request bounded by `limits` (time limit, cancellation, retries).
 */
async function octokitFor(token, apiUrl, limits) {
    // Loaded only when needed: most runs read the change with git.
    const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(413)]).then(__webpack_require__.bind(__webpack_require__, 2413));
    const octokit = getOctokit(token, { baseUrl: apiUrl });
    // fetch would follow a redirect to any origin, with the token.
    octokit.hook.wrap('request', async (request, options) => {
        for (let hops = 0;; hops++) {
            // In place: hooks wrapped around this one were bound to this very options object.
            options.request = { ...options.request, redirect: 'manual' };
            const response = await request(options);
            const location = response.headers.location;
            if (response.status < 300 || response.status > 399 || !location)
                return response;
            if (hops === MAX_REDIRECTS)
                throw new Error(`GitHub API: more than ${MAX_REDIRECTS} redirects`);
            options.url = onApiOrigin(location, response.url || apiUrl, apiUrl, 'redirects to');
        }
    });
    // Outside the redirect hook: a time limit and retries per request, redirects included.
    retrying(octokit, limits);
    return octokit;
}
/** Every request of `octokit` gets a time limit, the run's signal, and bounded retries. */
function retrying(octokit, options) {
    octokit.hook.wrap('request', async (request, requestOptions) => {
        for (let attempt = 0;; attempt++) {
            // A signal that came before this request (e.g. while Octokit was loading) fires no event.
            if (options.signal?.aborted)
                throw options.signal.reason;
            // One controller for both ends: AbortSignal.any() over AbortSignal.timeout() did not
            // always fire on Node 20.
            const controller = new AbortController();
            let timedOut = false;
            const timer = setTimeout(() => {
                timedOut = true;
                controller.abort(new Error('request-timeout'));
            }, options.timeoutMs);
            const onAbort = () => controller.abort(options.signal?.reason);
            options.signal?.addEventListener('abort', onAbort, { once: true });
            const signal = controller.signal;
            let wait;
            try {
                // In place: the hooks inside this one were bound to this very options object.
                requestOptions.request = { ...requestOptions.request, signal };
                return await request(requestOptions);
            }
            catch (error) {
                if (options.signal?.aborted)
                    throw error;
                wait = retryDelay(error, attempt, timedOut);
                if (wait === undefined || attempt >= Math.min(options.retries, MAX_RETRIES)) {
                    if (timedOut) {
                        throw new Error(`GitHub did not answer within ${options.timeoutMs / 1000} s`, {
                            cause: error
                        });
                    }
                    throw error;
                }
                const what = timedOut ? 'no answer in time' : `HTTP ${statusOf(error)}`;
                options.log.info(`GitHub API ${requestOptions.method} ${requestOptions.url}: ${what}; retrying in ${Math.ceil(wait / 1000)} s.`);
            }
            finally {
                clearTimeout(timer);
                options.signal?.removeEventListener('abort', onAbort);
            }
            await (options.signal ? (0,_miso_throttle_js__WEBPACK_IMPORTED_MODULE_4__/* .abortableSleep */ .Mf)(wait, options.signal) : (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_2__.setTimeout)(wait));
        }
    });
}
/** How long to wait before retrying, or undefined when the error is not worth a retry. */
function retryDelay(error, attempt, timedOut) {
    const backOff = FIRST_BACK_OFF_MS * 2 ** attempt;
    if (timedOut)
        return backOff;
    if (error instanceof ForeignOriginError)
        return undefined;
    const status = statusOf(error);
    const headers = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .objectOrEmpty */ .YN)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .objectOrEmpty */ .YN)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .objectOrEmpty */ .YN)(error).response).headers);
    const header = (name) => (typeof headers[name] === 'string' ? headers[name] : null);
    const retryAfter = (0,_http_policy_js__WEBPACK_IMPORTED_MODULE_5__/* .parseRetryAfter */ .mu)(header('retry-after'), Date.now());
    // Octokit reports network errors as 500 without a response.
    if (status === undefined || status >= 500)
        return retryAfter ?? backOff;
    if (status !== 403 && status !== 429)
        return undefined;
    if (retryAfter !== undefined)
        return retryAfter;
    const message = error instanceof Error ? error.message : '';
    if (/secondary rate limit/i.test(message))
        return RATE_LIMIT_PAUSE_MS;
    // The primary limit: worth waiting for only when it resets within the cap.
    if (header('x-ratelimit-remaining') === '0') {
        const reset = Number(header('x-ratelimit-reset')) * 1000 - Date.now();
        return reset >= 0 && reset <= RATE_LIMIT_PAUSE_MS ? reset : undefined;
    }
    return status === 429 ? backOff : undefined;
}
/**
 * The next page that a `Link` header names; undefined on the last page. Shared by every
 * listing: a next page on another origin throws, as a listing cut short is not a whole one.
 */
function nextPage(link, apiUrl) {
    if (typeof link !== 'string')
        return undefined;
    const next = /<([^<>]+)>\s*;\s*rel="next"/.exec(link)?.[1];
    return next === undefined ? undefined : onApiOrigin(next, apiUrl, apiUrl, 'has its next page on');
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
/** A file entry of compare / pull request files, as a FileChange. */
function fileChange(value) {
    const file = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .objectOrEmpty */ .YN)(value);
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
async function mapLimited(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}
/** The HTTP status of an Octokit error; undefined for one without an answer. */
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}
function messageOf(error) {
    const status = statusOf(error);
    const message = error instanceof Error ? error.message : String(error);
    return status && !message.includes(String(status)) ? `${status} ${message}` : message;
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
// EXTERNAL MODULE: ./src/json.ts
var json = __webpack_require__(8301);
// EXTERNAL MODULE: ./src/plan.ts
var src_plan = __webpack_require__(2464);
// EXTERNAL MODULE: ./src/report/run-report.ts
var run_report = __webpack_require__(7330);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(7994);
;// CONCATENATED MODULE: ./src/report/comment.ts





/** GitHub refuses comment bodies of 65,536 characters or more; keep a margin. */
const COMMENT_LIMIT = 60_000;
/** No one list may take more than this, so a huge one still leaves room for the others. */
const SECTION_LIMIT = 12_000;
/** Longest untrusted text shown in one cell, before escaping. */
const CELL_CHARS = 200;
const ERROR_CHARS = 1000;
const FIRST_IDS = 100;
const FIRST_IDS_PER_SOURCE = 5;
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
    const safe = (value, max) => (0,markdown/* unlinked */.hd)(cut(context.clean(value), max));
    const text = {
        prose: (value, max = CELL_CHARS) => (0,markdown/* allEntities */.hD)(safe(value, max).replace(/#/g, '$&\u2060')),
        code: value => `<code>${(0,markdown/* allEntities */.hD)(safe(value, CELL_CHARS))}</code>`
    };
    const footer = footerOf(context);
    const title = text.prose(context.title);
    const head = [context.marker, ...headline(report, context.state, title, text)].join('\n') + '\n';
    let room = limit - head.length - footer.length;
    const parts = [head];
    const sections = context.state === 'closed'
        ? []
        : context.state === 'open'
            ? [sources(report, text), idList(report, text), kept(report, text), notes(report, text)]
            : [tasks(report, text), failures(report, text), sources(report, text), kept(report, text)];
    for (const section of sections) {
        if (section === undefined)
            continue;
        const fitted = fit(section, Math.min(room, SECTION_LIMIT));
        if (fitted === '')
            continue;
        parts.push(fitted);
        room -= fitted.length + 1;
    }
    parts.push(footer);
    return parts.join('\n');
}
function headline(report, state, title, text) {
    const count = report.plan?.ids.length ?? 0;
    const noun = report.recordType === 'users' ? 'user' : 'product';
    const records = `${count} ${noun}${count === 1 ? '' : 's'}`;
    const lines = [];
    if (state === 'closed') {
        lines.push(`### ➖ ${title}: nothing will be deleted`, '', 'This pull request was closed without being merged, so nothing will be deleted from Miso.');
        return lines;
    }
    if (state === 'open') {
        lines.push(`### 🔍 ${title}: preview`, '');
        if (report.error) {
            lines.push(`The preview failed: ${text.prose(report.error, ERROR_CHARS)}`, '');
        }
        else if (count === 0) {
            lines.push(`When this pull request is merged, no ${noun} will be deleted from Miso.`, '');
        }
        else {
            lines.push(`When this pull request is merged, **${records}** will be deleted from Miso.`, '');
        }
        lines.push('Nothing was deleted yet.');
        const range = rangeLine(report, text);
        if (range)
            lines.push('', range);
        return lines;
    }
    lines.push(`### ${summary/* ICON */.kb[report.status]} ${title}: ${report.status}`, '');
    if (report.error)
        lines.push(`**Error:** ${text.prose(report.error, ERROR_CHARS)}`, '');
    if (report.dryRunReason) {
        lines.push(`**Dry run:** ${text.prose(report.dryRunReason)}. Nothing was sent to Miso.`, '');
    }
    if (report.deletion?.stoppedBy)
        lines.push(`**Stopped:** ${text.prose(report.deletion.stoppedBy, ERROR_CHARS)}`, '');
    const deletion = report.deletion;
    const totals = totalCounts(report);
    lines.push('| Status | IDs | Tasks | Failed IDs | Counts from Miso |', '| --- | ---: | ---: | ---: | --- |', `| ${report.status} | ${count} | ${deletion?.taskIds.length ?? 0} | ${(0,run_report/* failedCount */.dD)(report)} | ${text.prose(totals)} |`);
    const range = rangeLine(report, text);
    if (range)
        lines.push('', range);
    return lines;
}
function rangeLine(report, text) {
    if (!report.diff)
        return undefined;
    const { base, head } = report.diff;
    return `Change compared: ${text.code(`${(0,diff_event/* short */.h0)(base)}..${(0,diff_event/* short */.h0)(head)}`)}`;
}
function sources(report, text) {
    const plan = report.plan;
    if (!plan || plan.sources.length === 0)
        return undefined;
    return {
        title: '#### Where the IDs come from',
        intro: ['| Source | IDs | First IDs |', '| --- | ---: | --- |'],
        count: plan.sources.length,
        row: i => {
            const s = plan.sources[i];
            const first = s.ids
                .slice(0, FIRST_IDS_PER_SOURCE)
                .map(id => text.code(id))
                .join(', ');
            const more = s.ids.length > FIRST_IDS_PER_SOURCE ? ', …' : '';
            return `| ${text.prose((0,src_plan/* describeSource */.B6)(s))} | ${s.found} | ${first}${more} |`;
        },
        what: 'sources'
    };
}
function idList(report, text) {
    const ids = report.plan?.ids ?? [];
    if (ids.length === 0)
        return undefined;
    return {
        title: `#### IDs to delete (${ids.length})`,
        count: ids.length,
        row: i => `- ${text.code(ids[i])}`,
        max: FIRST_IDS,
        what: 'IDs'
    };
}
function kept(report, text) {
    const keptIds = report.diff?.kept ?? [];
    if (keptIds.length === 0)
        return undefined;
    return {
        title: '#### Kept: still named in the repository',
        intro: ['| ID | File |', '| --- | --- |'],
        count: keptIds.length,
        row: i => `| ${text.code(keptIds[i].id)} | ${text.code(keptIds[i].path)} |`,
        what: 'kept IDs'
    };
}
function notes(report, text) {
    if (report.notes.length === 0)
        return undefined;
    const notes = report.notes;
    return {
        title: '#### Notes',
        count: notes.length,
        row: i => `- ${text.prose(notes[i])}`,
        what: 'notes'
    };
}
function tasks(report, text) {
    const batches = report.deletion?.batches ?? [];
    if (batches.length === 0)
        return undefined;
    return {
        title: '#### Tasks',
        intro: ['| Batch | Task ID | IDs | Status | Counts |', '| ---: | --- | ---: | --- | --- |'],
        count: batches.length,
        row: i => {
            const b = batches[i];
            return `| ${b.index + 1} | ${b.taskId ? text.code(b.taskId) : ''} | ${b.count} | ${b.status} | ${text.prose((0,summary/* formatCounts */.gM)(b.counts))} |`;
        },
        what: 'tasks'
    };
}
function failures(report, text) {
    const failed = (report.deletion?.batches ?? []).filter(b => b.error);
    if (failed.length === 0)
        return undefined;
    return {
        title: '#### Failures',
        intro: ['| Batch | HTTP status | Message |', '| ---: | ---: | --- |'],
        count: failed.length,
        row: i => {
            const b = failed[i];
            return `| ${b.index + 1} | ${b.error?.httpStatus ?? ''} | ${text.prose(b.error?.message ?? '')} |`;
        },
        what: 'failures'
    };
}
/** The section with as many rows as fit in `room` characters; '' when not even its title does. */
function fit(section, room) {
    const head = [section.title, '', ...(section.intro ?? [])].join('\n') + '\n';
    const cutLine = (left) => `\n… ${left} more ${section.what} not shown: the job summary and the step outputs have them all.\n`;
    let budget = room - head.length - cutLine(section.count).length - 1;
    if (budget < 0)
        return '';
    const shown = [];
    const max = Math.min(section.count, section.max ?? Infinity);
    for (let i = 0; i < max; i++) {
        const row = section.row(i);
        if (row.length + 1 > budget)
            break;
        shown.push(row);
        budget -= row.length + 1;
    }
    const left = section.count - shown.length;
    return head + shown.join('\n') + '\n' + (left > 0 ? cutLine(left) : '');
}
function footerOf(context) {
    const run = context.runUrl ? `[this workflow run](${context.runUrl})` : 'this workflow run';
    const where = context.state === 'open'
        ? ' Its job summary lists every ID. This comment is updated on every run and shows the result after the merge.'
        : ' Its job summary has the details.';
    return `\n<sub>Written by ${run}.${where}</sub>\n`;
}
function totalCounts(report) {
    const totals = {};
    for (const batch of report.deletion?.batches ?? []) {
        for (const [name, n] of Object.entries(batch.counts))
            totals[name] = (totals[name] ?? 0) + n;
    }
    return (0,summary/* formatCounts */.gM)(totals);
}
/** At most `max` characters, never half a surrogate pair. */
function cut(value, max) {
    if (value.length <= max)
        return value;
    let end = max;
    const code = value.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        end--;
    return `${value.slice(0, end)}…`;
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
    if (run.signal.aborted) {
        log.notice(`${notWritten}: the run was cancelled.`);
        return undefined;
    }
    try {
        const target = (0,github_rest/* restTarget */.Ys)(env);
        const marker = commentMarker(env.GITHUB_WORKFLOW ?? '', env.GITHUB_JOB ?? '', env.GITHUB_ACTION ?? '');
        const body = renderComment(run.report, {
            marker,
            title: run.settings.commentTitle,
            state: pull.state,
            runUrl: runUrlOf(env),
            clean: run.clean
        });
        const octokit = await (0,github_rest/* octokitFor */.d_)(run.settings.githubToken, target.apiUrl, {
            signal: run.signal,
            timeoutMs: run.settings.requestTimeoutMs,
            retries: run.settings.retries,
            log
        });
        const where = { owner: target.owner, repo: target.repo };
        const find = () => findComment(octokit, target.apiUrl, where, pull.number, marker);
        const edit = async (id) => (await octokit.rest.issues.updateComment({ ...where, comment_id: id, body })).data.html_url;
        const existing = await find();
        let url;
        if (existing !== undefined) {
            url = await edit(existing);
            log.info(`Updated the pull request comment: ${url}`);
        }
        else {
            const { data } = await octokit.rest.issues.createComment({
                ...where,
                issue_number: pull.number,
                body
            });
            url = data.html_url;
            log.info(`Wrote the pull request comment: ${url}`);
            // A run of the same job that started at the same moment may have created one too:
            // both keep the oldest, and the newer one is deleted.
            const oldest = await find();
            if (oldest !== undefined && oldest !== data.id) {
                url = await edit(oldest);
                await octokit.rest.issues.deleteComment({ ...where, comment_id: data.id });
                log.info(`Another run had written the comment at the same time: kept that one, ${url}`);
            }
        }
        return url || undefined;
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
/**
 * The ID of the oldest comment that starts with the marker and that the token's own identity
 * wrote (GraphQL `viewerDidAuthor`): anyone can paste a marker, a member or another bot too,
 * and their comment is not ours.
 */
async function findComment(octokit, apiUrl, where, issueNumber, marker) {
    let url = octokit.request.endpoint('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...where, issue_number: issueNumber, per_page: 100 }).url;
    for (let page = 0; url && page < MAX_PAGES; page++) {
        const response = await octokit.request({ method: 'GET', url });
        const marked = (Array.isArray(response.data) ? response.data : [])
            .map(json/* objectOrEmpty */.YN)
            .filter(c => typeof c.body === 'string' && c.body.startsWith(marker))
            .filter(c => typeof c.id === 'number' && typeof c.node_id === 'string');
        if (marked.length > 0) {
            // At most 100 a page: one query.
            const answer = (0,json/* objectOrEmpty */.YN)(await octokit.graphql(VIEWER_DID_AUTHOR, { ids: marked.map(c => c.node_id) }));
            const nodes = Array.isArray(answer.nodes) ? answer.nodes : [];
            const own = marked.find((_, i) => (0,json/* objectOrEmpty */.YN)(nodes[i]).viewerDidAuthor === true);
            if (own)
                return own.id;
        }
        url = (0,github_rest/* nextPage */.Zj)(response.headers.link, apiUrl);
    }
    return undefined;
}
/** The link to this workflow run, from the runner's environment; undefined when incomplete. */
function runUrlOf(env) {
    const runId = env.GITHUB_RUN_ID ?? '';
    const repository = env.GITHUB_REPOSITORY ?? '';
    if (!/^\d+$/.test(runId) || !/^[\w.-]+\/[\w.-]+$/.test(repository))
        return undefined;
    try {
        const server = new URL(env.GITHUB_SERVER_URL || 'https://github.com');
        if (server.protocol !== 'https:' && server.protocol !== 'http:')
            return undefined;
        const attempt = /^\d+$/.test(env.GITHUB_RUN_ATTEMPT ?? '')
            ? `/attempts/${env.GITHUB_RUN_ATTEMPT}`
            : '';
        return `${server.origin}/${repository}/actions/runs/${runId}${attempt}`;
    }
    catch {
        return undefined;
    }
}


/***/ })

};
