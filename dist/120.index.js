export const id = 120;
export const ids = [120];
export const modules = {

/***/ 1120:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   resolveDiffIds: () => (/* binding */ resolveDiffIds)
/* harmony export */ });
/* harmony import */ var _plural_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9133);
/* harmony import */ var _event_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8679);
/* harmony import */ var _git_comparison_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9293);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1547);
/* harmony import */ var _github_rest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5603);
/* harmony import */ var _removed_ids_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9703);






/** Called only when `deleted-paths` or `id-list-files` is set. */
async function resolveDiffIds(settings, event, env, log, signal) {
    const range = (0,_event_js__WEBPACK_IMPORTED_MODULE_0__/* .changeRangeFor */ .$H)(event.name, event.payload, settings);
    if ('error' in range)
        throw new Error(range.error);
    log.info(range.reason);
    if (range.base === range.head) {
        return {
            groups: [],
            base: range.base,
            head: range.head,
            result: range.result,
            via: 'git',
            notices: range.notices,
            warnings: [],
            kept: [],
            skipped: []
        };
    }
    const cmp = await openComparison(settings, range, env, log, signal);
    log.info(`Comparing ${(0,_event_js__WEBPACK_IMPORTED_MODULE_0__/* .short */ .h0)(cmp.base)}..${(0,_event_js__WEBPACK_IMPORTED_MODULE_0__/* .short */ .h0)(cmp.head)} (${cmp.via}): ${(0,_plural_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .L)(cmp.changes.length, 'file')} changed.`);
    const { groups, kept, skipped, notices, warnings, share } = await (0,_removed_ids_js__WEBPACK_IMPORTED_MODULE_4__/* .removedIds */ .Z)(cmp, settings);
    for (const group of groups)
        log.debug(`${group.name} (${group.detail}): ${group.ids.join(', ')}`);
    for (const { id, path } of kept)
        log.info(`Kept ${id}: ${path} still names it at ${(0,_event_js__WEBPACK_IMPORTED_MODULE_0__/* .short */ .h0)(cmp.result)}.`);
    if (skipped.length > 0) {
        log.info(`Skipped ${skipped.length} matching files without an ID: ${skipped.slice(0, 10).join(', ')}${skipped.length > 10 ? ', …' : ''}`);
    }
    return {
        groups,
        base: cmp.base,
        head: cmp.head,
        result: cmp.result,
        via: cmp.via,
        notices: [...range.notices, ...cmp.notices, ...notices],
        warnings: [...cmp.warnings, ...warnings],
        kept,
        skipped,
        share
    };
}
/** Git when the workspace is a checkout that has (or can fetch) the commits; else REST. */
async function openComparison(settings, range, env, log, signal) {
    const ctx = { cwd: settings.workspace, env, signal, log };
    const checkout = await (0,_git_js__WEBPACK_IMPORTED_MODULE_2__/* .checkoutProblem */ .KU)(ctx);
    let gitProblem = checkout?.problem;
    if (!checkout) {
        try {
            return await (0,_git_comparison_js__WEBPACK_IMPORTED_MODULE_1__/* .openGitComparison */ .u)(ctx, range);
        }
        catch (error) {
            if (!(error instanceof _git_js__WEBPACK_IMPORTED_MODULE_2__/* .HistoryError */ .tx))
                throw error;
            gitProblem = error.message;
        }
    }
    const advice = checkout?.noCheckout
        ? 'Add actions/checkout before this step (the default fetch-depth 1 is enough)'
        : 'Check that the commits exist and that origin can be reached';
    if (!settings.githubToken) {
        throw new Error(`The diff source cannot read the change with git: ${gitProblem}. ${advice}, or pass \`github-token\` so the GitHub API can be used instead.`);
    }
    log.info(`git cannot read the change (${gitProblem}); reading it through the GitHub API…`);
    try {
        const api = await _github_rest_js__WEBPACK_IMPORTED_MODULE_3__/* .GitHubRest */ .yS.open(settings.githubToken, (0,_github_rest_js__WEBPACK_IMPORTED_MODULE_3__/* .restTarget */ .Ys)(env), {
            signal,
            timeoutMs: settings.requestTimeoutMs,
            retries: settings.retries,
            log
        });
        const cmp = await (0,_github_rest_js__WEBPACK_IMPORTED_MODULE_3__/* .openRestComparison */ .Sd)(api, range, env);
        cmp.notices.unshift(`Read the change through the GitHub API, as git could not: ${gitProblem}.`);
        return cmp;
    }
    catch (error) {
        signal?.throwIfAborted();
        // Both ways failed: git's reason first, it is usually the one to fix.
        throw new Error(`The diff source cannot read the change. With git: ${gitProblem}. With the GitHub API: ${error.message}. ${advice}.`, { cause: error });
    }
}


/***/ }),

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


/***/ })

};
