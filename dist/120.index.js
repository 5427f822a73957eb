export const id = 120;
export const ids = [120];
export const modules = {

/***/ 1120:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   resolveDiffIds: () => (/* binding */ resolveDiffIds)
/* harmony export */ });
/* harmony import */ var _plural_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9133);
/* harmony import */ var _event_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8679);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1547);
/* harmony import */ var _github_rest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5603);
/* harmony import */ var _removed_ids_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9703);
// The diff sources (`deleted-paths`, `id-list-files`, `delete-list-files`): pick the change per the event,
// read it with git (or, without a usable checkout, the GitHub REST API) and turn it
// into the IDs it removes.





/** Called only when a diff source (`deleted-paths`, `id-list-files`, `delete-list-files`) is set. */
async function resolveDiffIds(settings, event, env, log, signal) {
    const range = (0,_event_js__WEBPACK_IMPORTED_MODULE_0__/* .changeRangeFor */ .$H)(event.name, event.payload, settings);
    if ('error' in range)
        throw new Error(range.error);
    log.info(range.reason);
    if (range.base === range.head) {
        const { base, head, result, notices } = range;
        const none = { groups: [], kept: [], skipped: [], warnings: [] };
        return { base, head, result, via: 'git', notices, ...none };
    }
    const cmp = await openComparison(settings, range, env, log, signal);
    log.info(`Comparing ${(0,_event_js__WEBPACK_IMPORTED_MODULE_0__/* .short */ .h0)(cmp.base)}..${(0,_event_js__WEBPACK_IMPORTED_MODULE_0__/* .short */ .h0)(cmp.head)} (${cmp.via}): ${(0,_plural_js__WEBPACK_IMPORTED_MODULE_4__/* .plural */ .L)(cmp.changes.length, 'file')} changed.`);
    const removed = await (0,_removed_ids_js__WEBPACK_IMPORTED_MODULE_3__/* .removedIds */ .Z)(cmp, settings);
    if (removed.nothingMatched)
        log.info(removed.nothingMatched);
    for (const group of removed.groups)
        log.debug(`${group.name} (${group.detail}): ${group.ids.join(', ')}`);
    // One line each: the job summary lists them all (a feed split keeps hundreds of IDs).
    const { kept, skipped } = removed;
    for (const { id, path } of kept)
        log.debug(`Kept ${id}: ${path} still names it.`);
    if (kept.length > 0) {
        const first = kept.map(({ id, path }) => `${id} (${path})`);
        log.info(`Kept ${(0,_plural_js__WEBPACK_IMPORTED_MODULE_4__/* .plural */ .L)(kept.length, 'ID')} that files at ${(0,_event_js__WEBPACK_IMPORTED_MODULE_0__/* .short */ .h0)(cmp.result)} still name: ${(0,_event_js__WEBPACK_IMPORTED_MODULE_0__/* .firstOf */ .Ku)(first, 5)} (the job summary lists them).`);
    }
    for (const path of skipped)
        log.debug(`Skipped ${path}: no ID.`);
    if (skipped.length > 0)
        log.info(`Skipped ${(0,_plural_js__WEBPACK_IMPORTED_MODULE_4__/* .plural */ .L)(skipped.length, 'matching file')} without an ID, not products (the job summary lists them).`);
    const { base, head, result, via } = cmp;
    const notices = [...range.notices, ...cmp.notices, ...removed.notices];
    const warnings = [...cmp.warnings, ...removed.warnings];
    return { ...removed, base, head, result, via, notices, warnings };
}
/** Git when the workspace is a checkout that has (or can fetch) the commits; else REST. */
async function openComparison(settings, range, env, log, signal) {
    const ctx = { cwd: settings.workspace, env, signal, log };
    const checkout = await (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .checkoutProblem */ .KU)(ctx);
    let gitProblem = checkout;
    if (!gitProblem) {
        try {
            const gone = range.baseFallback && (await missingCommit(ctx, range.base));
            if (gone)
                return await beforeGone(ctx, settings, range, gone);
            return await (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .openGitComparison */ .u9)(ctx, range);
        }
        catch (error) {
            if (!(error instanceof _git_js__WEBPACK_IMPORTED_MODULE_1__/* .HistoryError */ .tx))
                throw error;
            gitProblem = error.message;
        }
    }
    const advice = checkout
        ? 'Add actions/checkout before this step (the default fetch-depth 1 is enough)'
        : 'Check that the commits exist and that origin can be reached';
    if (!settings.githubToken) {
        throw new Error(`The diff source cannot read the change with git: ${gitProblem}. ${advice}, or pass \`github-token\` so the GitHub API can be used instead.`);
    }
    log.info(`git cannot read the change (${gitProblem}); reading it through the GitHub API…`);
    try {
        const cmp = await (0,_github_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .openRestComparison */ .Sd)(await openApi(settings, ctx), range, env);
        cmp.notices.unshift(`Read the change through the GitHub API, as git could not: ${gitProblem}.`);
        return cmp;
    }
    catch (error) {
        signal?.throwIfAborted();
        // Both ways failed: git's reason first, it is usually the one to fix.
        throw new Error(`The diff source cannot read the change. With git: ${gitProblem}. With the GitHub API: ${error.message}. ${advice}.`, { cause: error });
    }
}
/**
 * A push whose `before` git cannot have (a force push took it away): GitHub keeps such
 * commits, so its compare of `before...after` first, else only `after`'s last commit; one
 * notice says which. The files are read with git when it can fetch the merge base GitHub
 * compares from (an ancestor of `after`), else through the API as well.
 */
async function beforeGone(ctx, settings, { baseFallback, ...range }, gone) {
    const fallback = baseFallback;
    let apiProblem = 'no `github-token` to ask GitHub for it';
    if (settings.githubToken) {
        try {
            const cmp = await (0,_github_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .openRestComparison */ .Sd)(await openApi(settings, ctx), range, ctx.env);
            const files = (await missingCommit(ctx, cmp.base)) ? {} : (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .gitFiles */ .IU)(ctx);
            const notice = `The push's \`before\` commit ${(0,_event_js__WEBPACK_IMPORTED_MODULE_0__/* .short */ .h0)(range.base)} is not in the git history (${gone}), but GitHub still has it: compared it with ${(0,_event_js__WEBPACK_IMPORTED_MODULE_0__/* .short */ .h0)(cmp.head)} through the GitHub REST API${cmp.base === range.base ? '' : `, from their merge base ${(0,_event_js__WEBPACK_IMPORTED_MODULE_0__/* .short */ .h0)(cmp.base)}`}.`;
            return { ...cmp, ...files, notices: [notice] };
        }
        catch (error) {
            ctx.signal?.throwIfAborted();
            // A guard's refusal (the token kept on the API's origin) stops the run.
            for (let e = error; e instanceof Error; e = e.cause) {
                if (e instanceof _github_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .ForeignOriginError */ .HN)
                    throw error;
            }
            apiProblem = `the GitHub REST API could not compare it: ${error.message}`;
        }
    }
    const cmp = await (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .openGitComparison */ .u9)(ctx, { ...range, base: fallback.base });
    const notice = `${fallback.notice.replace(/\.$/, '')} (${gone}; ${apiProblem}).`;
    return { ...cmp, notices: [notice, ...cmp.notices] };
}
/** Why git has no `rev` and cannot fetch it, or undefined when it has it. */
async function missingCommit(ctx, rev) {
    try {
        await (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .ensureCommit */ .q$)(ctx, rev);
        return undefined;
    }
    catch (error) {
        if (!(error instanceof _git_js__WEBPACK_IMPORTED_MODULE_1__/* .HistoryError */ .tx))
            throw error;
        return error.message;
    }
}
function openApi(settings, ctx) {
    return (0,_github_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .openGitHubRest */ .Ap)(settings.githubToken, (0,_github_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .restTarget */ .Ys)(ctx.env), {
        signal: ctx.signal,
        timeoutMs: settings.requestTimeoutMs,
        retries: settings.retries,
        log: ctx.log
    });
}


/***/ }),

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


/***/ })

};
