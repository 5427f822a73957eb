export const id = 197;
export const ids = [197];
export const modules = {

/***/ 4528:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o2: () => (/* binding */ UnreadableFileError),
/* harmony export */   zu: () => (/* binding */ commitFiles)
/* harmony export */ });
/* unused harmony export MAX_LINKED_PATHS */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _ids_formats_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7438);
/* harmony import */ var _plural_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9133);
/* harmony import */ var _event_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8679);
// The files of a commit as a checkout of it would show them, read from git's objects
// (git or the GitHub REST API): symbolic links resolved inside the repository, Git LFS
// pointers, binary files and text not in UTF-8 refused, submodules set apart. Never the raw
// text of a link.





/**
 * A file at a commit whose IDs cannot be read (unparseable, binary, in LFS, a broken link): it
 * may name a product, so the run stops. `next` says what to do about it.
 */
class UnreadableFileError extends Error {
    file;
    commit;
    next;
    name = 'UnreadableFileError';
    constructor(file, commit, message, next = 'Nothing was sent to Miso. Fix the file in a new commit: running this commit again reads the same file.', options) {
        super(message, options);
        this.file = file;
        this.commit = commit;
        this.next = next;
    }
}
const LINK = '120000';
const SUBMODULE = '160000';
/** As Linux's ELOOP: more links than this on one path is a loop. */
const MAX_LINKS = 40;
/** Git LFS pointer files are small text files starting with this line. */
const LFS_POINTER = /^version https:\/\/(?:git-lfs\.github\.com|hawser\.github\.com)\/spec\/v1\r?\n/;
/**
 * The most paths the links to folders of one commit may add (see docs/behaviour.md): far more
 * than a catalog holds, few enough that listing them stays quick. Links past it stop the run.
 */
const MAX_LINKED_PATHS = 500_000;
/** Trees are listed once per commit; blobs are read once per object. */
function commitFiles(reader, maxLinkedPaths = MAX_LINKED_PATHS) {
    const trees = new Map();
    const tree = (commit) => {
        let listed = trees.get(commit);
        if (!listed)
            trees.set(commit, (listed = reader.tree(commit)));
        return listed;
    };
    return {
        async paths(commit) {
            const files = await tree(commit);
            const folders = folderLinks(files, await linkTargetsOf(reader, files));
            refuseLinkFlood(commit, files, folders, maxLinkedPaths);
            const paths = [];
            for (const [p, e] of files)
                if (e.mode !== SUBMODULE && !folders.has(p))
                    paths.push(p);
            forEachLinked(files, folders, (link, folder, p) => paths.push(`${link}${p.slice(folder.length)}`));
            return paths;
        },
        async submodules(commit) {
            return [...(await tree(commit))].filter(([, e]) => e.mode === SUBMODULE).map(([p]) => p);
        },
        async read(commit, paths) {
            const files = await tree(commit);
            const fail = (file, problem) => {
                throw new UnreadableFileError(file, commit, `${file} at ${(0,_event_js__WEBPACK_IMPORTED_MODULE_2__/* .short */ .h0)(commit)} ${problem}`);
            };
            const linkTargets = await linkTargetsOf(reader, files);
            const real = paths.map(file => realPath(file, files, linkTargets, fail));
            const lfs = await lfsRule(reader, files, paths);
            const contents = await reader.blobs(real.map(r => files.get(r).object));
            const texts = new Map();
            paths.forEach((file, i) => {
                const bytes = contents.get(files.get(real[i]).object);
                const via = real[i] === file ? '' : ` (a link to ${real[i]})`;
                if (lfs(file) || lfs(real[i]) || isLfsPointer(bytes)) {
                    fail(file, `is stored in Git LFS${via}: git holds only a pointer to its content, so its IDs cannot be read. Keep ID lists and the content files read by \`id-from\` out of LFS (see .gitattributes).`);
                }
                if (bytes.includes(0))
                    fail(file, `is binary${via} (it contains NUL bytes), not text`);
                const text = (0,_ids_formats_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeUtf8 */ ._6)(bytes);
                texts.set(file, text ?? fail(file, `is not valid UTF-8 text${via} ${_ids_formats_js__WEBPACK_IMPORTED_MODULE_1__/* .SAVE_AS_UTF8 */ .Rm}`));
            });
            return texts;
        }
    };
}
/** The target text of every link in the tree (few in any repository; read in one go). */
async function linkTargetsOf(reader, files) {
    const links = [...files].filter(([, e]) => e.mode === LINK);
    if (links.length === 0)
        return new Map();
    const blobs = await reader.blobs(links.map(([, e]) => e.object));
    return new Map(links.map(([p, e]) => [p, blobs.get(e.object).toString('utf8')]));
}
/**
 * Where a file's content really is at the commit, following links (in any folder of the
 * path) as a checkout would, but only inside the repository.
 */
function realPath(file, files, targets, fail) {
    const entry = files.get(file);
    if (entry?.mode === SUBMODULE)
        return fail(file, 'is a submodule, not a file');
    if (targets.size === 0)
        return entry ? file : fail(file, 'is not a file');
    // A path under a link to a folder is in no tree: following the links finds its file.
    const followed = follow(file, targets);
    if ('problem' in followed)
        return fail(file, followed.problem);
    const { real } = followed;
    const found = files.get(real);
    if (found === undefined) {
        if (real === file)
            return fail(file, 'is not a file');
        return fail(file, isFolder(real, files)
            ? `is a symbolic link to the folder ${real}, not to a file`
            : `is a symbolic link to ${real}, which does not exist`);
    }
    if (found.mode === SUBMODULE)
        return fail(file, `is a symbolic link to the submodule ${real}`);
    return real;
}
/** `path` with every link in it followed, or why it cannot be: the path is not checked. */
function follow(file, targets) {
    const pending = file.split('/');
    const done = [];
    let links = 0;
    while (pending.length > 0) {
        const part = pending.shift();
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (done.length === 0)
                return { problem: 'is a symbolic link that leads out of the repository' };
            done.pop();
            continue;
        }
        const here = [...done, part].join('/');
        const target = targets.get(here);
        if (target === undefined) {
            done.push(part);
            continue;
        }
        if (++links > MAX_LINKS)
            return { problem: 'is a symbolic link that loops' };
        if (node_path__WEBPACK_IMPORTED_MODULE_0__.posix.isAbsolute(target) || /^[A-Za-z]:/.test(target)) {
            return { problem: 'is a symbolic link to an absolute path, outside the repository' };
        }
        pending.unshift(...target.split('/'));
    }
    return { real: done.join('/') };
}
function isFolder(real, files) {
    for (const p of files.keys())
        if (p.startsWith(`${real}/`))
            return true;
    return false;
}
/**
 * The links that lead to a folder inside the repository: link path → folder. A link that
 * leads to the root or to a folder holding the link itself would repeat the tree without end,
 * and one that leads nowhere or outside shows no files: neither is listed.
 */
function folderLinks(files, targets) {
    const folders = new Map();
    for (const link of targets.keys()) {
        const followed = follow(link, targets);
        if ('problem' in followed)
            continue;
        const { real } = followed;
        if (real === '' || files.has(real) || link.startsWith(`${real}/`))
            continue;
        if (isFolder(real, files))
            folders.set(link, real);
    }
    return folders;
}
/** Calls `visit` for each file under each link to a folder (its path in the folder). */
function forEachLinked(files, folders, visit) {
    for (const [link, folder] of folders) {
        const prefix = `${folder}/`;
        for (const [p, e] of files) {
            // One level: a link to a folder inside a linked folder shows under its own path only.
            if (e.mode === SUBMODULE || folders.has(p) || !p.startsWith(prefix))
                continue;
            visit(link, folder, p);
        }
    }
}
/**
 * Fails, naming the largest links, when the links to folders would add more than `max`
 * paths. Their files are live at the links' paths, so leaving any out could delete a product
 * that is still named: the run stops instead, before any call.
 */
function refuseLinkFlood(commit, files, folders, max) {
    const counts = new Map();
    let total = 0;
    forEachLinked(files, folders, link => {
        counts.set(link, (counts.get(link) ?? 0) + 1);
        total++;
    });
    if (total <= max)
        return;
    const largest = [...counts].sort(([, a], [, b]) => b - a);
    const shown = largest
        .slice(0, 5)
        .map(([link, count]) => `${link} -> ${folders.get(link)} (${(0,_plural_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(count, 'file')})`);
    const more = largest.length > shown.length ? `, and ${largest.length - shown.length} more` : '';
    throw new Error(`At ${(0,_event_js__WEBPACK_IMPORTED_MODULE_2__/* .short */ .h0)(commit)}, ${(0,_plural_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(counts.size, 'symbolic link')} to folders would add ${total.toLocaleString('en-US')} paths (more than ${max.toLocaleString('en-US')}, far beyond any catalog): ${shown.join(', ')}${more}. ` +
        `A product named under such a link is live at the link's path, so none of them can be left out. ` +
        'Replace the links to large folders by fewer links (or links to the files that are needed), or give the IDs through `product-ids` or `ids-file` instead of the diff source. Nothing was deleted.');
}
/** Git LFS pointer text: git keeps it in place of the file's content. */
function isLfsPointer(bytes) {
    return bytes.length < 1024 && LFS_POINTER.test(bytes.toString('utf8'));
}
/**
 * Whether `.gitattributes` (at the root or in a folder above the file) marks a path
 * `filter=lfs`: later lines, and deeper files, decide over earlier ones, as in git.
 */
async function lfsRule(reader, files, paths) {
    const attributes = [...files].filter(([p, e]) => (p === '.gitattributes' || p.endsWith('/.gitattributes')) && e.mode !== LINK);
    if (attributes.length === 0 || paths.length === 0)
        return () => false;
    const blobs = await reader.blobs(attributes.map(([, e]) => e.object));
    const rules = [];
    // Shallow folders first, so deeper files' rules come later and win.
    const byDepth = attributes.sort(([a], [b]) => a.split('/').length - b.split('/').length);
    for (const [file, entry] of byDepth) {
        const dir = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.dirname(file) === '.' ? '' : `${node_path__WEBPACK_IMPORTED_MODULE_0__.posix.dirname(file)}/`;
        for (const line of blobs.get(entry.object).toString('utf8').split(/\r?\n/)) {
            const [pattern, ...attrs] = line.trim().split(/\s+/);
            if (!pattern || pattern.startsWith('#'))
                continue;
            const filter = attrs.find(a => /^(?:filter=|-filter$|!filter$)/.test(a));
            if (filter === undefined)
                continue;
            // As in .gitignore: a pattern without `/` matches the name in any folder below.
            const anchored = pattern.replace(/^\//, '');
            const glob = pattern.includes('/') ? anchored : `**/${anchored}`;
            const matches = picomatch__WEBPACK_IMPORTED_MODULE_4___default()(glob, { dot: true, windows: false });
            rules.push({
                dir,
                match: p => p.startsWith(dir) && matches(p.slice(dir.length)),
                lfs: filter === 'filter=lfs'
            });
        }
    }
    return file => {
        let lfs = false;
        for (const rule of rules)
            if (rule.match(file))
                lfs = rule.lfs;
        return lfs;
    };
}


/***/ }),

/***/ 8679:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $H: () => (/* binding */ changeRangeFor),
/* harmony export */   WR: () => (/* binding */ forcedDryRun),
/* harmony export */   _n: () => (/* binding */ pullRequestOf),
/* harmony export */   h0: () => (/* binding */ short)
/* harmony export */ });
/* unused harmony export refProblem */
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8301);
/* harmony import */ var _patterns_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6248);
// Which change a diff source reads, per the event that started the run (the contract's
// "Which change" table). Pure: the payload is plain data, and untrusted.


const ZERO_SHA = /^0+$/;
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
/**
 * The range to compare for this event. Explicit `base` / `head` inputs override the
 * event's values on every event; a pull request or merge group still only previews.
 */
function changeRangeFor(eventName, payload, inputs) {
    const base = inputs.base.trim();
    const head = inputs.head.trim();
    for (const [name, value] of [
        ['base', base],
        ['head', head]
    ]) {
        const problem = value === '' ? undefined : refProblem(value);
        if (problem)
            return { error: `The \`${name}\` input ${JSON.stringify(value)} ${problem}.` };
    }
    const range = eventRange(eventName, payload);
    if (range === undefined) {
        if (!base) {
            return {
                error: `A diff source needs the \`base\` input on ${eventName || 'unknown'} events (the commit to compare \`head\` with).`
            };
        }
        return inputRange(base, head || 'HEAD');
    }
    if ('error' in range) {
        // Inputs can stand in for what the payload lacks.
        if (base && head)
            return inputRange(base, head);
        return range;
    }
    if (!base && !head)
        return range;
    return overridden(range, base, head, previewReason(eventName, payload) !== undefined);
}
/**
 * Why this run may not delete anything whatever its inputs, or undefined when it may.
 * A pull request that is not merged, and a merge group, only preview; a push or a merged
 * pull request deletes only on a branch that `branches` (the `branches` input) names, and a
 * tag push never does.
 */
function forcedDryRun(eventName, payload, branches) {
    return previewReason(eventName, payload) ?? branchRefusal(eventName, (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(payload), branches);
}
/** Why this event only previews, whatever its branch: an unmerged pull request, a merge group. */
function previewReason(eventName, payload) {
    if (eventName === 'merge_group') {
        return 'a merge queue check only previews; the push that lands the change deletes';
    }
    if (!isPullRequestEvent(eventName))
        return undefined;
    const p = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(payload);
    const pr = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(p.pull_request);
    const number = typeof pr.number === 'number' ? ` #${pr.number}` : '';
    const action = typeof p.action === 'string' ? p.action : 'unknown';
    if (action === 'closed' && pr.merged === true)
        return undefined;
    if (action === 'closed') {
        return `pull request${number} was closed without being merged, so nothing is deleted`;
    }
    return `pull request${number} is not merged yet (\`${eventName}\` \`${action}\`): this run only previews; its products are deleted when it is merged`;
}
/**
 * Why a push or a merged pull request may not delete on its branch (the pushed ref; the pull
 * request's base), or undefined when it may. Without `branches`, only the repository's
 * default branch deletes, compared by name (it is not a pattern); with neither, none does.
 */
function branchRefusal(eventName, p, branches) {
    const target = branchOf(eventName, p);
    if (target === undefined || 'refusal' in target)
        return target?.refusal;
    const byDefault = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(p.repository).default_branch;
    if (branches.length === 0 && (typeof byDefault !== 'string' || byDefault === '')) {
        return `${target.what}, and the event names no default branch (\`repository.default_branch\`) for the \`branches\` input to default to: set \`branches\` to the branches whose changes delete`;
    }
    const deletes = branches.length > 0
        ? (0,_patterns_js__WEBPACK_IMPORTED_MODULE_0__/* .pathPatterns */ .h)(branches, 'branches').chooses(target.branch)
        : target.branch === byDefault;
    if (deletes)
        return undefined;
    const named = branches.length > 0
        ? branches.map(b => `\`${b}\``).join(', ')
        : `the default branch \`${String(byDefault)}\``;
    return `${target.what}, which is not one of the branches that delete (input \`branches\`: ${named})`;
}
/** The branch a push or a pull request event changes, or why it names none that may delete. */
function branchOf(eventName, p) {
    if (eventName === 'push') {
        const ref = typeof p.ref === 'string' ? p.ref : '';
        if (ref.startsWith('refs/heads/')) {
            const branch = ref.slice('refs/heads/'.length);
            return { branch, what: `the push is to \`${branch}\`` };
        }
        if (ref.startsWith('refs/tags/')) {
            return {
                refusal: `the push is of the tag \`${ref.slice('refs/tags/'.length)}\`, and a tag push never deletes (only pushes to the branches of input \`branches\` do)`
            };
        }
        return {
            refusal: `the push is of ${ref ? `\`${ref}\`` : 'no ref'}, not of a branch (only pushes to the branches of input \`branches\` delete)`
        };
    }
    if (!isPullRequestEvent(eventName))
        return undefined;
    const pr = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(p.pull_request);
    const number = typeof pr.number === 'number' ? ` #${pr.number}` : '';
    const branch = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(pr.base).ref;
    if (typeof branch !== 'string' || branch === '') {
        return { refusal: `pull request${number} names no base branch` };
    }
    return { branch, what: `pull request${number} was merged into \`${branch}\`` };
}
/**
 * The pull request a `pull_request` / `pull_request_target` event is about, or undefined
 * for other events and payloads without a valid number.
 */
function pullRequestOf(eventName, payload) {
    if (!isPullRequestEvent(eventName))
        return undefined;
    const p = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(payload);
    const pr = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(p.pull_request);
    const number = pr.number ?? p.number;
    if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1)
        return undefined;
    if (p.action !== 'closed')
        return { number, state: 'open' };
    return { number, state: pr.merged === true ? 'merged' : 'closed' };
}
/**
 * Why git would misread this ref from an input, or undefined when it is safe to pass.
 * Refs reach git as arguments, so an option-like or malformed value must never get there.
 */
function refProblem(ref) {
    if (ref.startsWith('-'))
        return "starts with '-'";
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(ref))
        return 'contains control characters';
    if (/\s/.test(ref))
        return 'contains white space';
    if (ref.includes('..'))
        return "contains '..' (give one commit, not a range)";
    // Refspec syntax: fetching `a:b` or `+a` by name would write local refs.
    if (/^[+^]|[:*]/.test(ref))
        return "is not a single commit (it uses ':', '*', or a leading '+' or '^')";
    if (ref.length > 255)
        return 'is longer than 255 characters';
    return undefined;
}
/** The event's own range; undefined for events that name no commits (use the inputs). */
function eventRange(eventName, payload) {
    if (eventName === 'push')
        return pushRange((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(payload));
    if (isPullRequestEvent(eventName))
        return pullRequestRange(eventName, payload);
    if (eventName === 'merge_group')
        return mergeGroupRange((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(payload));
    return undefined;
}
function pushRange(p) {
    const after = sha(p.after);
    const ref = typeof p.ref === 'string' ? p.ref : 'the branch';
    if (!after)
        return { error: 'The push event payload has no valid `after` commit SHA.' };
    const before = sha(p.before);
    // Absent is a new branch; present but not a SHA is a malformed or forged payload.
    if (!before && p.before !== undefined && p.before !== null) {
        return {
            error: `The push event payload's \`before\` is not a commit SHA: ${quoted(p.before)}.`
        };
    }
    if (ZERO_SHA.test(after)) {
        if (!before)
            return { error: `The push deleted ${ref} and names no \`before\` commit.` };
        return {
            base: before,
            head: before,
            result: before,
            reason: `The push deleted ${ref}: no file changed.`,
            notices: []
        };
    }
    if (!before || ZERO_SHA.test(before)) {
        return {
            base: `${after}^`,
            head: after,
            result: after,
            reason: `The push created ${ref}: comparing its last commit with its parent (${short(after)}^..${short(after)}).`,
            notices: [
                `The push created ${ref} (no \`before\` commit), so only its last commit ${short(after)} is compared with its parent. Pass the \`base\` input to compare more.`
            ]
        };
    }
    const forced = p.forced === true;
    return {
        base: before,
        head: after,
        result: after,
        baseFallback: {
            base: `${after}^`,
            notice: `The push's \`before\` commit ${short(before)} is not in the history${forced ? ' (a forced push)' : ''}, so only the last commit ${short(after)} is compared with its parent.`
        },
        reason: `Push to ${ref}: comparing ${short(before)}..${short(after)}.`,
        notices: forced
            ? [
                `${ref} was force-pushed: comparing the old tip ${short(before)} with the new tip ${short(after)}.`
            ]
            : []
    };
}
function pullRequestRange(eventName, payload) {
    const pr = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(payload).pull_request);
    const baseSha = sha((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(pr.base).sha);
    const headSha = sha((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(pr.head).sha);
    if (!baseSha || !headSha) {
        return { error: `The ${eventName} event payload has no valid base and head commit SHAs.` };
    }
    const number = typeof pr.number === 'number' && Number.isSafeInteger(pr.number) ? pr.number : 0;
    const forced = previewReason(eventName, payload);
    const what = `pull request${number ? ` #${number}` : ''}`;
    // Merged: the live IDs are read at the merge as it landed (merge commit, squash or rebase).
    const mergedAs = forced ? undefined : sha(pr.merge_commit_sha);
    return {
        base: baseSha,
        head: headSha,
        result: mergedAs ?? headSha,
        mergeBaseOf: { base: baseSha, head: headSha },
        ...(number ? { pullNumber: number } : {}),
        reason: forced
            ? `Previewing ${what}'s own change (from its merge base with ${short(baseSha)} to ${short(headSha)}): ${forced}.`
            : `${what[0].toUpperCase()}${what.slice(1)} was merged: comparing its own change, from its merge base with ${short(baseSha)} to ${short(headSha)}; the IDs still named are read at ${mergedAs ? `the merge ${short(mergedAs)}` : `its head (the event names no merge commit)`}.`,
        notices: []
    };
}
function mergeGroupRange(p) {
    const group = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(p.merge_group);
    const base = sha(group.base_sha);
    const head = sha(group.head_sha);
    if (!base || !head) {
        return { error: 'The merge_group event payload has no valid base_sha and head_sha.' };
    }
    return {
        base,
        head,
        result: head,
        reason: `Previewing the merge group ${short(base)}..${short(head)}: ${previewReason('merge_group', p)}.`,
        notices: []
    };
}
function inputRange(base, head) {
    return {
        base,
        head,
        result: head,
        reason: `Comparing the \`base\` and \`head\` inputs: ${base}..${head}.`,
        notices: []
    };
}
/** The event's range with the inputs' commits in place of its own. */
function overridden(range, base, head, previewOnly) {
    const newHead = head || range.head;
    const notice = `The ${[base && '`base`', head && '`head`'].filter(Boolean).join(' and ')} input overrides the event's commits: comparing ${base || range.base}..${newHead}.`;
    if (base) {
        return {
            base,
            head: newHead,
            result: head || range.result,
            reason: previewOnly ? `${notice} ${range.reason}` : notice,
            notices: [notice]
        };
    }
    // The pull request's file list and the fallback describe the event's own head only.
    const { pullNumber: _pullNumber, baseFallback: _baseFallback, ...kept } = range;
    return {
        ...kept,
        head: newHead,
        result: newHead,
        ...(range.mergeBaseOf ? { mergeBaseOf: { base: range.mergeBaseOf.base, head: newHead } } : {}),
        reason: `${notice} ${range.reason}`,
        notices: [...range.notices, notice]
    };
}
function isPullRequestEvent(eventName) {
    return eventName === 'pull_request' || eventName === 'pull_request_target';
}
function sha(value) {
    return typeof value === 'string' && SHA.test(value) ? value.toLowerCase() : undefined;
}
/** An untrusted payload value, quoted and cut short for a message. */
function quoted(value) {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
function short(commit) {
    return SHA.test(commit) ? commit.slice(0, 12) : commit;
}


/***/ }),

/***/ 2598:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dm: () => (/* binding */ isTransientStatus),
/* harmony export */   Ek: () => (/* binding */ stopsTheRun),
/* harmony export */   a2: () => (/* binding */ retryDelay),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   xo: () => (/* binding */ classifyStatus)
/* harmony export */ });
// One HTTP policy for every call the action makes to Miso (deletes, status polls, listings):
// which answers are worth asking again, which stop the whole run, how long to wait between
// attempts. What each caller does with a final refusal is its own business.
function classifyStatus(httpStatus) {
    if (httpStatus >= 200 && httpStatus <= 299)
        return 'ok';
    if (isTransientStatus(httpStatus))
        return 'retry';
    return stopsTheRun(httpStatus) ? 'stops-run' : 'refused';
}
/** No answer, rate limited or a server error: worth retrying, not a verdict. */
function isTransientStatus(httpStatus) {
    return httpStatus === 0 || httpStatus === 429 || (httpStatus >= 500 && httpStatus <= 599);
}
/**
 * Answers that stop the whole run, since every other request would get them too: 401 and
 * 403 (the key) and 407 (the proxy's credentials).
 */
function stopsTheRun(httpStatus) {
    return httpStatus === 401 || httpStatus === 403 || httpStatus === 407;
}
const RETRY_AFTER_CAP_MS = 60_000;
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 30_000;
/**
 * `Retry-After` in milliseconds, from seconds or an HTTP date, capped at 60 s;
 * undefined when absent or unreadable.
 */
function parseRetryAfter(value, now) {
    const text = value?.trim();
    if (!text)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(text))
        return Math.min(RETRY_AFTER_CAP_MS, Number(text) * 1000);
    // An HTTP date names the day and month; Date.parse alone would also take '-3' as a year.
    const date = /[a-z]/i.test(text) ? Date.parse(text) : NaN;
    if (Number.isNaN(date))
        return undefined;
    return Math.min(RETRY_AFTER_CAP_MS, Math.max(0, date - now));
}
/** Full jitter: a random wait below the exponential ceiling, but never before Retry-After. */
function retryDelay(retryIndex, retryAfterMs, random) {
    const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retryIndex);
    return Math.max(Math.floor(random() * ceiling), retryAfterMs ?? 0);
}


/***/ }),

/***/ 2429:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ readIdFiles)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var tinyglobby__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3382);
/* harmony import */ var _patterns_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6248);
/* harmony import */ var _formats_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7438);
// The `ids-file` input: paths or glob patterns relative to the workspace, each file parsed
// by its extension (formats.ts). Patterns may come from a pull request's workflow, so every
// file must stay inside the workspace, also through symlinks. An absolute path is taken when
// it lies inside the workspace (`${{ github.workspace }}/...`) or inside `RUNNER_TEMP`, where
// an earlier step of the job may have written the list; the same rules then hold there.
//
// Pattern rules: those of every pattern input (src/patterns.ts): a `!` pattern leaves out
// what it matches, dot files match like any other. A pattern without glob characters is a
// plain path. Every plain pattern must match at least one file that is not left out. The
// walk never enters `.git` folders: git's own files are no ID lists.





const INPUT = 'ids-file';
const MiB = 1024 * 1024;
const STREAM_ABOVE_BYTES = 256 * MiB;
const CHUNK_BYTES = 64 * MiB;
/** V8's longest string, in UTF-16 units; a file of at most this many bytes decodes to fewer. */
const MAX_TEXT_BYTES = 0x1fffffe8;
/**
 * One group per matched file, sorted by name (workspace-relative with forward slashes; a
 * file under `runnerTemp` by its absolute path), each file once. Throws for a pattern that
 * matches nothing, a path outside the workspace and `runnerTemp`, a directory, an unreadable or binary file, and
 * (IdFileError) a malformed ID list.
 */
async function readIdFiles(patterns, workspaceDir, idField, runnerTemp, options = {}) {
    const workspace = await rootOf(workspaceDir, '');
    // No RUNNER_TEMP directory (a local run): absolute paths are then workspace paths only.
    const temp = runnerTemp
        ? await rootOf(runnerTemp, `${toSlashes(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(runnerTemp))}/`).catch(() => undefined)
        : undefined;
    const rule = (0,_patterns_js__WEBPACK_IMPORTED_MODULE_2__/* .pathPatterns */ .h)(patterns, INPUT);
    // The `!` patterns, placed like the others (a RUNNER_TEMP one by its absolute name).
    const exclusions = (0,_patterns_js__WEBPACK_IMPORTED_MODULE_2__/* .pathPatterns */ .h)(rule.excluded.map(excluded => {
        const { root, relative } = place(excluded, workspace, temp);
        return root.prefix + relative;
    }), INPUT);
    const files = new Map();
    for (const pattern of rule.plain) {
        const { root, relative } = place(pattern, workspace, temp);
        // The walk finds the candidates; the shared rule decides, as for the diff sources.
        const globbed = (0,tinyglobby__WEBPACK_IMPORTED_MODULE_4__/* .isDynamicPattern */ .ey)(relative) ? (0,_patterns_js__WEBPACK_IMPORTED_MODULE_2__/* .pathPatterns */ .h)([relative], INPUT) : undefined;
        let found = 0;
        for (const match of await matchFiles(pattern, relative, root)) {
            const name = root.prefix + match;
            if (exclusions.chooses(name) || (globbed && !globbed.chooses(match)))
                continue;
            files.set(name, { root, relative: match });
            found++;
        }
        if (found === 0)
            throw new Error(`${INPUT}: "${pattern}" matches no file`);
    }
    const groups = [];
    // Code-unit order, so the order never depends on the runner's locale.
    for (const name of [...files.keys()].sort()) {
        const { root, relative } = files.get(name);
        groups.push({ kind: 'file', name, ids: await readIds(name, relative, root, idField, options) });
    }
    return groups;
}
async function rootOf(dir, prefix) {
    return { given: node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(dir), real: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(dir), prefix };
}
/**
 * The root a pattern is read under, and the pattern relative to it: a relative pattern is
 * under the workspace; an absolute one must lie inside the workspace or `RUNNER_TEMP`.
 */
function place(pattern, workspace, temp) {
    if (!node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(pattern))
        return { root: workspace, relative: pattern };
    // A glob's `..` could climb out before any file is checked.
    if ((0,tinyglobby__WEBPACK_IMPORTED_MODULE_4__/* .isDynamicPattern */ .ey)(pattern) && pattern.split('/').includes('..')) {
        throw new Error(`${INPUT}: "${pattern}": ".." is not allowed in a glob pattern`);
    }
    for (const root of temp ? [workspace, temp] : [workspace]) {
        for (const dir of new Set([root.given, root.real])) {
            const full = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(pattern);
            if (full !== dir && isInside(dir, full)) {
                return { root, relative: toSlashes(node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(dir, full)) };
            }
        }
    }
    throw new Error(`${INPUT}: "${pattern}" is outside the workspace${temp ? ' and RUNNER_TEMP' : ''}; give a path relative to the workspace`);
}
/** Names relative to `root` (forward slashes) of the files a pattern names. */
async function matchFiles(pattern, relative, root) {
    if ((0,tinyglobby__WEBPACK_IMPORTED_MODULE_4__/* .isDynamicPattern */ .ey)(relative)) {
        // A glob's `..` could climb out before any file is checked; plain paths may use it.
        if (relative.split('/').includes('..')) {
            throw new Error(`${INPUT}: "${pattern}": ".." is not allowed in a glob pattern`);
        }
        // Symlinks are followed here; readText refuses any whose target is outside.
        return (0,tinyglobby__WEBPACK_IMPORTED_MODULE_4__/* .glob */ .TI)(relative, {
            cwd: root.real,
            onlyFiles: true,
            expandDirectories: false,
            dot: true,
            ignore: ['**/.git/**']
        });
    }
    const full = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(root.real, relative);
    if (!isInside(root.real, full)) {
        throw new Error(`${INPUT}: "${pattern}" is outside the workspace`);
    }
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(full).catch((error) => {
        if (error.code === 'ENOENT' || error.code === 'ENOTDIR')
            return undefined;
        throw new Error(`${INPUT}: cannot read "${pattern}": ${error.message}`);
    });
    if (info === undefined)
        return [];
    if (info.isDirectory()) {
        throw new Error(`${INPUT}: "${pattern}" is a directory; name its files, e.g. "${pattern.replace(/\/+$/, '')}/*.csv"`);
    }
    return [toSlashes(node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root.real, full))];
}
/** The IDs of a matched file, read through its real path once that is known to be inside. */
async function readIds(name, relative, root, idField, options) {
    const cannotRead = (error) => {
        throw new Error(`${INPUT}: cannot read ${name}: ${error.message}`);
    };
    const real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root.real, relative)).catch(cannotRead);
    if (!isInside(root.real, real)) {
        const where = root.prefix ? 'RUNNER_TEMP' : 'the workspace';
        throw new Error(`${INPUT}: ${name} is a link to ${real}, outside ${where}`);
    }
    // Reading a FIFO or a device could block for ever.
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(real).catch(cannotRead);
    if (!info.isFile())
        throw new Error(`${INPUT}: ${name} is not a regular file`);
    const format = (0,_formats_js__WEBPACK_IMPORTED_MODULE_3__/* .formatOf */ .be)(name);
    if (format === 'lines' && info.size > (options.streamAboveBytes ?? STREAM_ABOVE_BYTES)) {
        const ids = await readLinesInChunks(name, real, options, cannotRead);
        return (0,_formats_js__WEBPACK_IMPORTED_MODULE_3__/* .dropHeaderLine */ .T6)(ids, name, idField, options.notes);
    }
    if (format !== 'lines' && info.size > (options.maxTextBytes ?? MAX_TEXT_BYTES)) {
        throw new Error(`${INPUT}: ${name} is ${sizeText(info.size)}, too large to read as ` +
            `${format.toUpperCase()}; give IDs this many as a text file, one per line`);
    }
    const bytes = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(real).catch(cannotRead);
    refuseBinary(name, bytes);
    return (0,_formats_js__WEBPACK_IMPORTED_MODULE_3__/* .parseIds */ .Ae)(decode(name, (0,_formats_js__WEBPACK_IMPORTED_MODULE_3__/* .utf8Decoder */ .Qk)(), bytes), name, idField, options.notes);
}
/**
 * A text file of one ID per line, read a chunk at a time, so its size is bounded by memory
 * rather than by V8's longest string. Lines never span chunks: each chunk's last partial line
 * waits for the next (and fails once longer than any line may be, before it grows into a
 * giant string); UTF-8 characters split by a chunk are joined by the decoder.
 */
async function readLinesInChunks(name, file, options, cannotRead) {
    const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
    const maxLineChars = options.maxLineChars ?? _formats_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_LINE_CHARS */ .yL;
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(file, 'r').catch(cannotRead);
    try {
        const decoder = (0,_formats_js__WEBPACK_IMPORTED_MODULE_3__/* .utf8Decoder */ .Qk)();
        const buffer = Buffer.alloc(chunkBytes);
        const ids = [];
        let carry = '';
        let line = 1;
        for (;;) {
            const { bytesRead } = await handle.read(buffer, 0, chunkBytes, null).catch(cannotRead);
            if (bytesRead === 0)
                break;
            const bytes = buffer.subarray(0, bytesRead);
            refuseBinary(name, bytes);
            const text = carry + decode(name, decoder, bytes, true);
            // A CR at the end may be half of a CRLF: it waits too, so lines are counted right.
            const end = text.endsWith('\r') ? text.length - 1 : text.length;
            const cut = end === 0
                ? 0
                : Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1)) + 1;
            const part = (0,_formats_js__WEBPACK_IMPORTED_MODULE_3__/* .parseIdLines */ .qm)(text.slice(0, cut), name, line, maxLineChars);
            for (const id of part.ids)
                ids.push(id);
            line = part.nextLine;
            carry = text.slice(cut);
            // Throws: the unfinished line alone is already too long.
            if (carry.length > maxLineChars)
                (0,_formats_js__WEBPACK_IMPORTED_MODULE_3__/* .parseIdLines */ .qm)(carry, name, line, maxLineChars);
        }
        const rest = carry + decode(name, decoder, new Uint8Array(0));
        for (const id of (0,_formats_js__WEBPACK_IMPORTED_MODULE_3__/* .parseIdLines */ .qm)(rest, name, line, maxLineChars).ids)
            ids.push(id);
        return ids;
    }
    finally {
        await handle.close();
    }
}
function refuseBinary(name, bytes) {
    if (bytes.includes(0)) {
        throw new Error(`${INPUT}: ${name} is binary (it contains NUL bytes), not a list of IDs`);
    }
}
/** Fails closed for bytes that are not UTF-8: their IDs would protect nothing. */
function decode(name, decoder, bytes, stream = false) {
    try {
        return decoder.decode(bytes, { stream });
    }
    catch {
        throw new Error(`${INPUT}: ${name} is not valid UTF-8 text ${_formats_js__WEBPACK_IMPORTED_MODULE_3__/* .SAVE_AS_UTF8 */ .Rm}`);
    }
}
function sizeText(bytes) {
    return bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB` : `${bytes} bytes`;
}
/** Whether `target` is the workspace or under it. */
function isInside(root, target) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, target);
    return relative !== '..' && !relative.startsWith(`..${(node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)}`) && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(relative);
}
function toSlashes(relative) {
    return relative.split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/');
}


/***/ }),

/***/ 7438:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ae: () => (/* binding */ parseIds),
/* harmony export */   Qk: () => (/* binding */ utf8Decoder),
/* harmony export */   Rm: () => (/* binding */ SAVE_AS_UTF8),
/* harmony export */   T6: () => (/* binding */ dropHeaderLine),
/* harmony export */   _6: () => (/* binding */ decodeUtf8),
/* harmony export */   be: () => (/* binding */ formatOf),
/* harmony export */   mg: () => (/* binding */ IdFileError),
/* harmony export */   qm: () => (/* binding */ parseIdLines),
/* harmony export */   yL: () => (/* binding */ MAX_LINE_CHARS)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8301);
/* harmony import */ var _id_value_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6409);
// Parsers for the ID list formats of `ids-file` (and of ID list files that the diff source
// reads from git). Pure: text in, IDs out, no file system. Files can hold a million IDs, so
// lines are scanned with index loops and slices, never split character by character.



/**
 * The longest line a text ID file may hold, in UTF-16 units: far beyond any ID, far below
 * V8's longest string, so a file that is no list (one 600 MB line) fails naming the line.
 */
const MAX_LINE_CHARS = 1024 * 1024;
/** A file's content is not a valid ID list; the message names the file and the position. */
class IdFileError extends Error {
    file;
    /** `line 4`, `item 3`, `item 3 field product_id`...; empty for the file as a whole. */
    position;
    constructor(file, position, problem) {
        super(position ? `${file}: ${position}: ${problem}` : `${file}: ${problem}`);
        this.name = 'IdFileError';
        this.file = file;
        this.position = position;
    }
}
const FORMAT_BY_EXTENSION = new Map([
    ['.csv', 'csv'],
    ['.tsv', 'tsv'],
    ['.json', 'json'],
    ['.jsonl', 'jsonl'],
    ['.ndjson', 'jsonl']
]);
/**
 * The IDs of a part of a text file of one ID per line (the whole file, or whole lines of it,
 * see files.ts) whose first line is line `firstLine` (line 1 may begin with a BOM), and the
 * number of the line after it. Throws IdFileError for a line longer than `maxLineChars`.
 */
function parseIdLines(text, fileName, firstLine, maxLineChars = MAX_LINE_CHARS) {
    const body = firstLine === 1 && text.charCodeAt(0) === BOM ? text.slice(1) : text;
    return idsOfLines(body, fileName, firstLine, maxLineChars);
}
/**
 * A text list's first ID that is the `id-field` name (`product_id`) is a header line, as a
 * person reads it: dropped from `ids` (the file's IDs), with a notice.
 */
function dropHeaderLine(ids, fileName, idField, notes) {
    const name = columnName(idField);
    if (ids[0] !== name)
        return ids;
    ids.shift();
    notes?.notice(`${fileName}: its first line "${name}" is the \`id-field\` name, so it was read as a header line, not as an ID.`);
    return ids;
}
/** The format of an ID file, by its extension (case-insensitive); anything else is 'lines'. */
function formatOf(fileName) {
    const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    const dot = base.lastIndexOf('.');
    if (dot === -1)
        return 'lines';
    return FORMAT_BY_EXTENSION.get(base.slice(dot).toLowerCase()) ?? 'lines';
}
/**
 * The IDs of one file, in file order, duplicates kept. `fileName` picks the format and
 * names the file in errors; `idField` is the CSV/TSV column or the JSON field path (see
 * parseFieldPath).
 * Throws IdFileError for anything that is not a valid ID list.
 */
function parseIds(text, fileName, idField, notes) {
    const body = text.charCodeAt(0) === BOM ? text.slice(1) : text;
    switch (formatOf(fileName)) {
        case 'lines': {
            const { ids } = idsOfLines(body, fileName, 1, MAX_LINE_CHARS);
            return dropHeaderLine(ids, fileName, idField, notes);
        }
        case 'csv':
        case 'tsv':
            return idsOfTable(body, fileName, idField, notes);
        case 'json':
            return idsOfJson(body, fileName, idField);
        case 'jsonl':
            return idsOfJsonLines(body, fileName, idField);
    }
}
const BOM = 0xfeff;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const HASH = 35;
const COMMA = 44;
const SEMICOLON = 59;
const TAB = 9;
/**
 * Bytes as UTF-8 text, a BOM kept (the readers drop it); undefined for bytes that are not
 * UTF-8. Another encoding (Windows-1252, Latin-1) must not turn an ID into one with U+FFFD,
 * which names no product and protects nothing.
 */
function decodeUtf8(bytes) {
    try {
        return utf8Decoder().decode(bytes);
    }
    catch {
        return undefined;
    }
}
/** A decoder that throws for bytes that are not UTF-8 (`stream: true` joins split characters). */
function utf8Decoder() {
    return new node_util__WEBPACK_IMPORTED_MODULE_0__.TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
}
/** Why such a file fails, and the way out, after "FILE is not valid UTF-8 text". */
const SAVE_AS_UTF8 = '(saved in another encoding, such as Windows-1252 or Latin-1?), so its IDs cannot be read: save it as UTF-8';
/** Calls `visit` with each line and its 1-based number; LF, CRLF and a lone CR end a line. */
function forEachLine(text, visit) {
    let start = 0;
    let lineNo = 1;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c !== LF && c !== CR)
            continue;
        visit(text.slice(start, i), lineNo++);
        if (c === CR && text.charCodeAt(i + 1) === LF)
            i++;
        start = i + 1;
    }
    if (start < text.length)
        visit(text.slice(start), lineNo);
}
// --- lines ---
function idsOfLines(text, fileName, firstLine, maxLineChars) {
    // split() is the fastest way to lines by far; a lone CR ends a line too, but is rare.
    const lines = text.includes('\r') ? text.split(/\r\n?|\n/) : text.split('\n');
    const nextLine = firstLine + lines.length - 1;
    // Kept IDs are written back into the array of lines: no second million-entry array.
    let kept = 0;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (line.length > maxLineChars)
            throw lineTooLong(fileName, firstLine + i, maxLineChars);
        const id = line.trim();
        // `#` only starts a comment at the start of a line: IDs themselves may contain `#`.
        if (id !== '' && id.charCodeAt(0) !== HASH)
            lines[kept++] = id;
    }
    lines.length = kept;
    return { ids: lines, nextLine };
}
function lineTooLong(fileName, lineNo, maxLineChars) {
    return new IdFileError(fileName, `line ${lineNo}`, `longer than ${maxLineChars.toLocaleString('en-US')} characters, far beyond any ID: this is not a list of one ID per line`);
}
/** TSV has no quoting: every tab separates cells, every line break ends a record. */
function forEachTsvRecord(text, _fileName, visit) {
    forEachLine(text, (line, lineNo) => visit(line.split('\t'), lineNo));
}
const SEPARATOR_NAMES = new Map([
    [COMMA, '","'],
    [SEMICOLON, '";"'],
    [TAB, 'a tab']
]);
/**
 * The header row decides the separator, as a person reading the file would: the extension's
 * own (`,` for .csv, a tab for .tsv) when the header has it, else the one other of `,` `;`
 * tab that it has (a list re-exported with another separator often keeps its name), else
 * none (one column). A header with two others is ambiguous: it fails.
 */
function tableSeparator(text, fileName, own) {
    const end = text.search(/[\r\n]/);
    const header = end === -1 ? text : text.slice(0, end);
    if (header.includes(String.fromCharCode(own)))
        return own;
    const found = [COMMA, SEMICOLON, TAB].filter(s => s !== own && header.includes(String.fromCharCode(s)));
    if (found.length > 1) {
        throw new IdFileError(fileName, 'line 1', `the header row holds both ${nameOf(found[0])} and ${nameOf(found[1])}, and not ${nameOf(own)}: which one separates the columns is unclear. Save the file with one separator`);
    }
    return found[0] ?? own;
}
function nameOf(separator) {
    return SEPARATOR_NAMES.get(separator);
}
/**
 * RFC 4180 records, cells separated by `separator`: a field that starts with `"` is quoted
 * (separators, line breaks and doubled quotes inside it are data). A quote anywhere else is
 * refused rather than guessed at, as `a, "b,c"` would otherwise split into unintended IDs.
 */
function forEachCsvRecord(text, fileName, visit, separator) {
    const end = text.length;
    let i = 0;
    let lineNo = 1;
    while (i < end) {
        const recordLine = lineNo;
        const cells = [];
        for (;;) {
            if (text.charCodeAt(i) === QUOTE) {
                const openLine = lineNo;
                let cell = '';
                let from = i + 1;
                for (;;) {
                    const q = text.indexOf('"', from);
                    if (q === -1) {
                        throw new IdFileError(fileName, `line ${openLine}`, 'a quoted field is never closed');
                    }
                    lineNo += countLineBreaks(text, from, q);
                    if (text.charCodeAt(q + 1) === QUOTE) {
                        cell += text.slice(from, q + 1);
                        from = q + 2;
                        continue;
                    }
                    cell += text.slice(from, q);
                    i = q + 1;
                    break;
                }
                const next = text.charCodeAt(i);
                if (i < end && next !== separator && next !== LF && next !== CR) {
                    throw new IdFileError(fileName, `line ${lineNo}`, 'text after the closing quote of a field');
                }
                cells.push(cell);
            }
            else {
                let j = i;
                for (; j < end; j++) {
                    const c = text.charCodeAt(j);
                    if (c === separator || c === LF || c === CR)
                        break;
                    if (c === QUOTE) {
                        throw new IdFileError(fileName, `line ${lineNo}`, 'a quote inside an unquoted field (quote the whole field and double inner quotes)');
                    }
                }
                cells.push(text.slice(i, j));
                i = j;
            }
            if (i < end && text.charCodeAt(i) === separator) {
                i++;
                continue;
            }
            break;
        }
        if (i < end) {
            i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
            lineNo++;
        }
        visit(cells, recordLine);
    }
}
function countLineBreaks(text, from, to) {
    let count = 0;
    for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF))
            count++;
    }
    return count;
}
function idsOfTable(text, fileName, idField, notes) {
    const own = formatOf(fileName) === 'tsv' ? TAB : COMMA;
    const separator = tableSeparator(text, fileName, own);
    const forEachRecord = separator === TAB && own === TAB
        ? forEachTsvRecord
        : (csv, file, visit) => forEachCsvRecord(csv, file, visit, separator);
    const ids = [];
    let column = -1;
    let columnName = '';
    // Blank lines are fine at the end only; one before more data is an empty ID.
    let pendingBlankLine = 0;
    const idOf = (cells, lineNo) => {
        if (cells.length <= column) {
            const found = cells.length === 1 ? '1 cell' : `${cells.length} cells`;
            throw new IdFileError(fileName, `line ${lineNo}`, `${found}, but the ID column "${columnName}" is column ${column + 1}`);
        }
        const id = cells[column].trim();
        if (id === '') {
            throw new IdFileError(fileName, `line ${lineNo}`, `empty ID in column "${columnName}"`);
        }
        return id;
    };
    forEachRecord(text, fileName, (cells, lineNo) => {
        if (column === -1) {
            column = idColumn(cells, fileName, idField, notes);
            columnName = cells[column].trim();
            return;
        }
        if (cells.length === 1 && cells[0].trim() === '') {
            if (pendingBlankLine === 0)
                pendingBlankLine = lineNo;
            return;
        }
        // Throws: the blank row before this one has no ID.
        if (pendingBlankLine !== 0)
            idOf([''], pendingBlankLine);
        ids.push(idOf(cells, lineNo));
    });
    if (column === -1) {
        throw new IdFileError(fileName, '', `no header row; the first line must name the columns`);
    }
    return ids;
}
/** The name of the `id-field` column (or text header line): the whole `id-field`, `\.` a dot. */
function columnName(idField) {
    const keys = (0,_id_value_js__WEBPACK_IMPORTED_MODULE_1__/* .parseFieldPath */ .Zl)(idField);
    return keys.length === 1 ? keys[0] : idField;
}
function idColumn(header, fileName, idField, notes) {
    const names = header.map(name => name.trim());
    const wanted = columnName(idField);
    if (names.length === 1) {
        if (names[0] === '') {
            throw new IdFileError(fileName, 'line 1', 'the header row is empty; it must name the columns');
        }
        // A list without a header loses its first ID to the header: say so, naming it.
        if (names[0] !== wanted) {
            notes?.maybeId?.(names[0], fileName);
            notes?.warning(`${fileName}: line 1, ${JSON.stringify(names[0].slice(0, 100))}, was read as the header of its one column, not as an ID. If it is an ID, add a first line "${wanted}".`);
        }
        return 0;
    }
    const column = names.indexOf(wanted);
    if (column === -1) {
        throw new IdFileError(fileName, 'line 1', `no column "${wanted}" in the header row; columns found: ${listNames(names)}`);
    }
    if (names.indexOf(wanted, column + 1) !== -1) {
        throw new IdFileError(fileName, 'line 1', `the header row names column "${wanted}" twice`);
    }
    return column;
}
/** Quoted column names for an error message, cut short for very wide headers. */
function listNames(names) {
    const shown = names.slice(0, 20).map(name => JSON.stringify(name.slice(0, 100)));
    const more = names.length > shown.length ? `, and ${names.length - shown.length} more` : '';
    return shown.join(', ') + more;
}
// --- JSON / JSON lines ---
function idsOfJson(text, fileName, idField) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new IdFileError(fileName, '', `not valid JSON: ${messageOf(error)}`);
    }
    refuseDuplicateKey(text, fileName, '');
    const path = (0,_id_value_js__WEBPACK_IMPORTED_MODULE_1__/* .parseFieldPath */ .Zl)(idField);
    if (Array.isArray(value)) {
        return value.map((item, i) => idOfItem(item, fileName, `item ${i + 1}`, idField, path));
    }
    // The API's own request body, so a saved request can be replayed.
    const productIds = (0,_id_value_js__WEBPACK_IMPORTED_MODULE_1__/* .valueAt */ .fK)(value, ['data', 'product_ids']);
    if (Array.isArray(productIds)) {
        return productIds.map((item, i) => idOf(item, fileName, `data.product_ids item ${i + 1}`));
    }
    throw new IdFileError(fileName, '', `expected an array of IDs, an array of objects with "${idField}", or ` +
        `{"data":{"product_ids":[...]}}, but found ${(0,_id_value_js__WEBPACK_IMPORTED_MODULE_1__/* .describe */ .q0)(value)}` +
        ((0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(value) ? ' without data.product_ids' : ''));
}
function idsOfJsonLines(text, fileName, idField) {
    const ids = [];
    const path = (0,_id_value_js__WEBPACK_IMPORTED_MODULE_1__/* .parseFieldPath */ .Zl)(idField);
    forEachLine(text, (line, lineNo) => {
        if (line.trim() === '')
            return;
        let value;
        try {
            value = JSON.parse(line);
        }
        catch (error) {
            throw new IdFileError(fileName, `line ${lineNo}`, `not valid JSON: ${messageOf(error)}`);
        }
        refuseDuplicateKey(line, fileName, `line ${lineNo}`);
        ids.push(idOfItem(value, fileName, `line ${lineNo}`, idField, path));
    });
    return ids;
}
/** JSON.parse keeps a key's last value: which of two names the product is not clear. */
function refuseDuplicateKey(text, fileName, position) {
    const key = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .duplicateKey */ .Ve)(text);
    if (key !== undefined) {
        const problem = `the key ${JSON.stringify(key)} appears twice in one object`;
        throw new IdFileError(fileName, position, problem);
    }
}
/** An item of an ID list: the ID itself, or an object holding it at `path`. */
function idOfItem(item, fileName, position, idField, path) {
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(item))
        return idOf(item, fileName, position);
    const field = (0,_id_value_js__WEBPACK_IMPORTED_MODULE_1__/* .valueAt */ .fK)(item, path);
    if (field === undefined) {
        throw new IdFileError(fileName, position, `the object has no field "${idField}"`);
    }
    return idOf(field, fileName, `${position} field ${idField}`);
}
function idOf(value, fileName, position) {
    const id = (0,_id_value_js__WEBPACK_IMPORTED_MODULE_1__/* .idOfValue */ .I0)(value);
    if (typeof id === 'string')
        return id;
    throw new IdFileError(fileName, position, id.problem);
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 6409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I0: () => (/* binding */ idOfValue),
/* harmony export */   Zl: () => (/* binding */ parseFieldPath),
/* harmony export */   fK: () => (/* binding */ valueAt),
/* harmony export */   q0: () => (/* binding */ describe),
/* harmony export */   qd: () => (/* binding */ FieldPathError)
/* harmony export */ });
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8301);
/* harmony import */ var _named_form_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7518);
// One rule for turning a JSON value into an ID, and one grammar for the field paths that find
// it: ID files (`id-field`), content files (`id-from: json:` / `frontmatter:`) and Miso's ID
// listings all read IDs through here, so the same value never gives two answers.


/**
 * A field path as written in `id-field` or `id-from`: keys separated by `.`; on an array a key
 * of digits is a 0-based index (`items.0.sku`); `\.` is a dot inside a key and `\\` a backslash
 * (`meta\.sku` names the key `meta.sku`). No other use of `\` and no empty key is allowed.
 */
function parseFieldPath(text) {
    const keys = [];
    let key = '';
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '\\') {
            const next = text[i + 1];
            if (next !== '.' && next !== '\\') {
                throw new FieldPathError('`\\` may only escape `.` or `\\`');
            }
            key += next;
            i++;
        }
        else if (c === '.') {
            keys.push(key);
            key = '';
        }
        else {
            key += c;
        }
    }
    keys.push(key);
    if (keys.some(k => k === ''))
        throw new FieldPathError('a key in the path is empty');
    return keys;
}
/** A field path that does not follow the grammar; the message says what is wrong. */
class FieldPathError extends Error {
    name = 'FieldPathError';
}
const INDEX = /^(?:0|[1-9]\d*)$/;
/** The value at `keys` inside `value`, or undefined when any step is missing. */
function valueAt(value, keys) {
    let current = value;
    for (const key of keys) {
        if (Array.isArray(current)) {
            if (!INDEX.test(key))
                return undefined;
            current = current[Number(key)];
        }
        else if ((0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(current) && Object.hasOwn(current, key)) {
            current = current[key];
        }
        else {
            return undefined;
        }
    }
    return current;
}
/**
 * The ID a JSON value names: a string as it is (never trimmed nor split: it is sent exactly so),
 * a whole number up to 2^53 - 1 in decimal form; anything else (strings empty or of white space,
 * fractions, numbers too large to be read exactly (TOML's bigints included), null, booleans, objects, arrays) is not an ID.
 */
function idOfValue(value) {
    if (typeof value === 'string') {
        // White space alone names nothing, however it is written.
        return (0,_named_form_js__WEBPACK_IMPORTED_MODULE_1__/* .namedForm */ .C)(value) !== '' ? value : { problem: 'an empty string is not an ID' };
    }
    if (typeof value === 'number' || typeof value === 'bigint') {
        // Past 2^53 (or with a fraction) the parsed number may differ from the digits written,
        // which would name another product: such an ID must be written as a string.
        if (Number.isSafeInteger(value))
            return String(value);
        return {
            problem: `the number ${value} is not a whole number up to ${Number.MAX_SAFE_INTEGER}, so it ` +
                'may not be read exactly; write the ID as a string'
        };
    }
    return { problem: `${describe(value)} is not an ID` };
}
/** `null`, `true`, `an array`, `an object`... for messages about a JSON value. */
function describe(value) {
    if (value === null || typeof value === 'boolean')
        return String(value);
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    if (value === undefined)
        return 'nothing';
    return `a ${typeof value}`;
}


/***/ }),

/***/ 7518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ namedForm)
/* harmony export */ });
// Whether an ID is still named (a diff's live set, reconcile's repository set, `ids-file` IDs to
// keep) is decided on one normalised form, so that an ID written `P-1 ` in one file, `P-1` with a
// no-break space in another, or in another Unicode composition, still protects the product `P-1`.
// What is sent stays the ID exactly as its source gives it: this form only ever compares.
/** Unicode white space at either end: JavaScript's `\s` (with the byte-order mark) and NEL. */
const EDGE_SPACE = /^[\s\u0085]+|[\s\u0085]+$/g;
/** The form on which "is this ID named" is decided: NFC, then white space trimmed at both ends. */
function namedForm(id) {
    const form = id.normalize('NFC').trim();
    // trim() is fast and knows every Unicode white space but NEL, which is rare.
    return form.includes('\u0085') ? form.replace(EDGE_SPACE, '') : form;
}


/***/ }),

/***/ 8301:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   Ve: () => (/* binding */ duplicateKey),
/* harmony export */   YN: () => (/* binding */ objectOrEmpty),
/* harmony export */   rx: () => (/* binding */ parseJsonOrUndefined)
/* harmony export */ });
// Reading JSON of unknown shape (Miso's answers, event payloads, GitHub's API, ID files):
// one test for "a plain object", so every reader agrees on what one is.
/** An object that is not null and not an array. */
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** `value` when it is an object, else an empty one: for reading optional fields. */
function objectOrEmpty(value) {
    return isObject(value) ? value : {};
}
/** The value `text` holds, or undefined when it is not JSON. */
function parseJsonOrUndefined(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
/**
 * The first key that appears twice in one object of `text`, which must be valid JSON
 * (JSON.parse silently keeps the last value); undefined when none does. Keys are compared
 * as JSON reads them, escapes decoded.
 */
function duplicateKey(text) {
    // The keys of each open object; undefined for an open array.
    const open = [];
    let atKey = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
            const start = i;
            for (i++; text.charCodeAt(i) !== QUOTE; i++)
                if (text.charCodeAt(i) === BACKSLASH)
                    i++;
            if (!atKey)
                continue;
            const raw = text.slice(start + 1, i);
            const key = raw.includes('\\') ? JSON.parse(`"${raw}"`) : raw;
            const keys = open[open.length - 1];
            if (keys.has(key))
                return key;
            keys.add(key);
            atKey = false;
        }
        else if (c === OPEN_BRACE) {
            open.push(new Set());
            atKey = true;
        }
        else if (c === OPEN_BRACKET) {
            open.push(undefined);
        }
        else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
            open.pop();
        }
        else if (c === COMMA) {
            atKey = open[open.length - 1] !== undefined;
        }
    }
    return undefined;
}


/***/ }),

/***/ 9197:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/channel.ts
var src_channel = __webpack_require__(4972);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: ./src/http-policy.ts
var http_policy = __webpack_require__(2598);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: ./src/json.ts
var json = __webpack_require__(8301);
;// CONCATENATED MODULE: ./src/miso/message.ts
// Miso's own words in an error answer, for messages: the client, the status reader and the
// deletion's report all quote it the same way.


/**
 * Miso's message in an error answer: `message`, else FastAPI's `detail`, else the HTTP
 * status text. Also used for status polls refused by a wrong key.
 */
function misoMessage(status, text, statusText = '') {
    const body = asObject((0,json/* parseJsonOrUndefined */.rx)(text));
    if (body) {
        // The spec's own 400 example spells the field `message:`.
        for (const key of ['message', 'message:', 'error']) {
            const value = body[key];
            if (typeof value === 'string' && value.trim() !== '')
                return value.trim();
        }
        const detail = body.detail;
        if (typeof detail === 'string' && detail.trim() !== '')
            return detail.trim();
        if (Array.isArray(detail) && detail.length > 0)
            return validationMessage(detail);
    }
    return statusText || (external_node_http_default()).STATUS_CODES[status] || `HTTP ${status}`;
}
/** FastAPI validation detail as `body.data.product_ids.3: str type expected; …`. */
function validationMessage(detail) {
    const shown = 5;
    const parts = detail.slice(0, shown).map(item => {
        const entry = asObject(item);
        const loc = Array.isArray(entry?.loc) ? entry.loc.map(String).join('.') : '';
        const msg = typeof entry?.msg === 'string' ? entry.msg : JSON.stringify(item);
        return loc ? `${loc}: ${msg}` : msg;
    });
    const more = detail.length > shown ? ` (and ${detail.length - shown} more)` : '';
    return `${parts.join('; ')}${more}`;
}
function asObject(value) {
    return (0,json/* isObject */.Gv)(value) ? value : undefined;
}

;// CONCATENATED MODULE: ./src/miso/task-status.ts
// Reads one answer of `GET /v1/products/_status/{task_id}`. Its body is not documented, so
// the reading is defensive: a few fixed rules, applied in order, decide what an answer means,
// and anything they cannot place is 'unknown' (the poller keeps polling) rather than a guess.
//
// HTTP status first:
//   404                        'not-registered' (the task is not known yet)
//   0 (no answer), 429, 5xx    'unknown', transient: the poller retries, see http-policy.ts
//   3xx, other 4xx             'failed': asking again would get the same refusal (401/403 stop
//                              the whole run, see deletion-steps.ts)
//   1xx                        'unknown'
//   2xx, body not a JSON object 'unknown' ("not a JSON object: ...")
// Then, in the JSON object, the first rule that applies:
//   1. failure: `errors: true` (top level or `data`), a non-empty `errors` array (`data.errors`
//      or top level), or a failure word at any of the status places below. Any failure signal
//      wins, as reporting a false failure is safer than reporting a false success.
//   2. the status word: the first non-empty string at `data.status`, `data.state`, `status`,
//      `state`, trimmed, lower-cased, with spaces and hyphens read as `_` ("In Progress" is
//      `in_progress`). Running, success and failure words are listed below; any other word is
//      'unknown' with `word` set.
//   3. a boolean `data.finished`, else `finished`: true succeeded, false running.
//   4. none of these markers: succeeded (the endpoint knows the task and reports nothing pending).
//
// Counts, from the top-level object and then `data` (which wins a clash), key by key:
//   `name: { count: N }` and `name_count: N` (also `nameCount`) give `name`;
//   `name: N` gives `name`, unless the name says it is no count (a status, code, id, version,
//   time or duration, see NOT_COUNTS). N must be a whole number >= 0; names are snake_case.
//
// Reading never throws: it looks at most a few levels into the body, so a hostile answer
// (`{"errors":[[[...100,000 deep...]]]}`) cannot exhaust the stack.



const RUNNING_WORDS = new Set([
    'pending',
    'queued',
    'waiting',
    'created',
    'scheduled',
    'accepted',
    'running',
    'processing',
    'in_progress',
    'started'
]);
const SUCCESS_WORDS = new Set([
    'done',
    'completed',
    'complete',
    'success',
    'succeeded',
    'finished',
    'ok',
    'deleted'
]);
const FAILURE_WORDS = new Set([
    'failed',
    'failure',
    'error',
    'errored',
    'cancelled',
    'canceled',
    'aborted'
]);
const NOT_COUNTS = new Set([
    'status',
    'state',
    'code',
    'status_code',
    'http_status',
    'version',
    'timestamp',
    'time',
    'took',
    'elapsed',
    'duration',
    'progress',
    'percent'
]);
const NOT_COUNT_SUFFIXES = ['_at', '_id', '_code', '_version', '_time', '_ts', '_ms', '_seconds'];
/** Length of body excerpts in notes. */
const EXCERPT = 80;
/** Levels of nesting shown in an excerpt of a JSON value; deeper ones show as `[…]` / `{…}`. */
const EXCERPT_DEPTH = 8;
/** 3xx, or 4xx other than 404 (not registered yet) and 429 (rate limited). */
function isRefusal(httpStatus) {
    return httpStatus >= 300 && httpStatus <= 499 && !(0,http_policy/* isTransientStatus */.Dm)(httpStatus);
}
function readTaskStatus(answer) {
    const { httpStatus, body } = answer;
    if (httpStatus === 404)
        return { state: 'not-registered', counts: {}, note: 'not registered yet' };
    if (httpStatus === 0)
        return unknown(`no answer: ${excerpt(body)}`);
    if (isRefusal(httpStatus)) {
        const note = httpStatus < 400
            ? `status request redirected (HTTP ${httpStatus}); set api-url to the API's own address`
            : `status request refused (HTTP ${httpStatus}): ${excerpt(misoMessage(httpStatus, body))}`;
        return { state: 'failed', counts: {}, note };
    }
    if (httpStatus < 200 || httpStatus > 299) {
        const kind = httpStatus === 429 ? ' (rate limited)' : '';
        return unknown(`HTTP ${httpStatus}${kind}: ${excerpt(body)}`);
    }
    const top = parseObject(body);
    if (!top)
        return unknown(`not a JSON object: ${excerpt(body)}`);
    const data = (0,json/* isObject */.Gv)(top.data) ? top.data : undefined;
    const counts = countsOf(top);
    const errors = errorSignal(top, data);
    if (errors)
        return { state: 'failed', counts, note: errors };
    const words = [data?.status, data?.state, top.status, top.state]
        .filter((value) => typeof value === 'string')
        .map(normalizeWord)
        .filter(word => word !== '');
    const failureWord = words.find(word => FAILURE_WORDS.has(word));
    if (failureWord)
        return { state: 'failed', word: failureWord, counts, note: `status "${failureWord}"` };
    const word = words[0];
    if (word !== undefined) {
        if (RUNNING_WORDS.has(word))
            return { state: 'running', word, counts };
        if (SUCCESS_WORDS.has(word))
            return { state: 'succeeded', word, counts };
        return { state: 'unknown', word, counts, note: `unknown status word "${word}"` };
    }
    const finished = typeof data?.finished === 'boolean' ? data.finished : top.finished;
    if (typeof finished === 'boolean')
        return { state: finished ? 'succeeded' : 'running', counts };
    return { state: 'succeeded', counts };
}
/** One line for the log, e.g. `succeeded "done" [deleted 3, not_found 1]`. */
function describeReading(r) {
    const word = r.word !== undefined && r.note === undefined ? ` "${r.word}"` : '';
    const note = r.note !== undefined ? `: ${r.note}` : '';
    return `${r.state}${word}${note}${countsText(r.counts)}`;
}
/** ` [deleted 3, not_found 1]`, or nothing without counts. */
function countsText(counts) {
    const entries = Object.entries(counts);
    return entries.length > 0 ? ` [${entries.map(([k, n]) => `${k} ${n}`).join(', ')}]` : '';
}
function unknown(note) {
    return { state: 'unknown', counts: {}, note };
}
function errorSignal(top, data) {
    if (top.errors === true || data?.errors === true)
        return 'errors: true';
    const list = [data?.errors, top.errors].find(value => Array.isArray(value) && value.length > 0);
    if (Array.isArray(list)) {
        return `${list.length} error${list.length === 1 ? '' : 's'}: ${excerpt(shortJson(list))}`;
    }
    return undefined;
}
/**
 * The counts of an answer (a status body or a delete answer), by the rules above: top level
 * first, then `data`, which wins a clash.
 */
function countsOf(top) {
    const data = (0,json/* isObject */.Gv)(top.data) ? top.data : undefined;
    return { ...countsIn(top, true), ...(data ? countsIn(data, false) : {}) };
}
function countsIn(object, topLevel) {
    const counts = {};
    for (const [rawKey, value] of Object.entries(object)) {
        if (topLevel && rawKey === 'data')
            continue;
        const key = snakeCase(rawKey);
        if (key.endsWith('_count') && key.length > '_count'.length && isCount(value)) {
            counts[key.slice(0, -'_count'.length)] = value;
        }
        else if (isCount(value)) {
            if (!NOT_COUNTS.has(key) && !NOT_COUNT_SUFFIXES.some(suffix => key.endsWith(suffix))) {
                counts[key] = value;
            }
        }
        else if ((0,json/* isObject */.Gv)(value) && isCount(value.count)) {
            counts[key] = value.count;
        }
    }
    return counts;
}
function isCount(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
function parseObject(body) {
    const value = (0,json/* parseJsonOrUndefined */.rx)(body);
    return (0,json/* isObject */.Gv)(value) ? value : undefined;
}
function normalizeWord(value) {
    return value
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_');
}
function snakeCase(key) {
    return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
/** Compact JSON of `value`, cut at about EXCERPT characters and EXCERPT_DEPTH levels. */
function shortJson(value) {
    let out = '';
    const write = (item, depth) => {
        if (out.length > EXCERPT)
            return;
        if (Array.isArray(item)) {
            if (depth >= EXCERPT_DEPTH)
                return void (out += '[…]');
            out += '[';
            for (let i = 0; i < item.length && out.length <= EXCERPT; i++) {
                if (i > 0)
                    out += ',';
                write(item[i], depth + 1);
            }
            out += ']';
        }
        else if ((0,json/* isObject */.Gv)(item)) {
            if (depth >= EXCERPT_DEPTH)
                return void (out += '{…}');
            out += '{';
            let first = true;
            for (const [key, field] of Object.entries(item)) {
                if (out.length > EXCERPT)
                    break;
                out += `${first ? '' : ','}${JSON.stringify(key)}:`;
                first = false;
                write(field, depth + 1);
            }
            out += '}';
        }
        else {
            const text = JSON.stringify(item) ?? String(item);
            out += text.length > EXCERPT ? text.slice(0, EXCERPT) : text;
        }
    };
    write(value, 0);
    return out;
}
function excerpt(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    if (flat === '')
        return '(empty body)';
    return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT)}...` : flat;
}

;// CONCATENATED MODULE: ./src/deletion-steps.ts
// The decisions of a deletion run, apart from its loops and timers (deletion.ts runs them):
// what one status answer means for its task, and how the run ends. Pure: plain values in,
// plain values out, messages returned for the caller to log.



const NEW_TRACK = { transientInRow: 0, toldUnknown: false };
/** Decides what one status answer (and its reading) means for its task. */
function stepPoll(answer, reading, track, context) {
    const { label } = context;
    if ((0,http_policy/* stopsTheRun */.Ek)(answer.httpStatus)) {
        return {
            kind: 'stop-for-key',
            failure: {
                httpStatus: answer.httpStatus,
                message: misoMessage(answer.httpStatus, answer.body),
                fatal: true
            }
        };
    }
    if (reading.state === 'succeeded') {
        return { kind: 'finish', status: 'succeeded', info: `${label}: ${describeReading(reading)}` };
    }
    if (reading.state === 'failed') {
        return {
            kind: 'finish',
            status: 'failed',
            error: { httpStatus: answer.httpStatus, message: reading.note ?? '', fatal: false },
            warning: `${label}: ${describeReading(reading)}`
        };
    }
    if ((0,http_policy/* isTransientStatus */.Dm)(answer.httpStatus)) {
        const transientInRow = track.transientInRow + 1;
        if (transientInRow > context.retries) {
            const message = `status unavailable ${transientInRow} times in a row, last: ${reading.note}`;
            return givenUp(answer, message, label);
        }
        return { kind: 'continue', track: { ...track, transientInRow } };
    }
    const next = { ...track, transientInRow: 0 };
    if (reading.state === 'unknown' && reading.word !== undefined) {
        if (context.toldWords.has(reading.word))
            return { kind: 'continue', track: next };
        return {
            kind: 'continue',
            track: next,
            newWord: reading.word,
            warning: `${label}: ${reading.note}; still polling.`
        };
    }
    if (reading.state === 'unknown' && !track.toldUnknown) {
        return {
            kind: 'continue',
            track: { ...next, toldUnknown: true },
            warning: `${label}: unknown answer (${reading.note}); still polling.`
        };
    }
    return { kind: 'continue', track: next };
}
/** Fails a task the run gives up on (its status cannot be learnt), with `message`. */
function givenUp(answer, message, label) {
    return {
        kind: 'finish',
        status: 'failed',
        error: {
            ...(answer.httpStatus !== 0 ? { httpStatus: answer.httpStatus } : {}),
            message,
            fatal: false
        },
        warning: `${label}: ${message}; counted as failed.`
    };
}
/**
 * Gives every unfinished batch its end state and the run its status:
 * - cancelled: every unfinished batch is 'cancelled' (accepted ones keep their task ID);
 * - never sent: 'not-sent';
 * - sent when the wait timed out: 'timed-out';
 * - accepted when a wrong key stopped the run: 'failed', not confirmed.
 * The run's status is the most important batch outcome: cancelled > failed > timed-out (also
 * for 'not-sent') > succeeded, or 'submitted' without waiting. A failure outranks a time-out
 * because it needs action, not just patience.
 */
function finaliseRun(batches, stop, settings) {
    const { halted, fatal } = stop;
    const warnings = [];
    const results = batches.map((batch) => {
        if (batch.done)
            return batch.result;
        const from = batch.acceptedAt ?? batch.sentAt;
        const durationMs = from !== undefined ? { durationMs: settings.now - from } : {};
        if (halted === 'cancelled')
            return { ...batch.result, status: 'cancelled', ...durationMs };
        if (batch.sentAt === undefined)
            return { ...batch.result, status: 'not-sent' };
        if (halted === 'timed-out') {
            const last = batch.lastReading ? describeReading(batch.lastReading) : 'no answer yet';
            warnings.push(`${batchLabel(batch.result, batches.length)}: timed out; last status: ${last}`);
            return { ...batch.result, status: 'timed-out', ...durationMs };
        }
        if (fatal) {
            return {
                ...batch.result,
                status: 'failed',
                error: {
                    httpStatus: fatal.httpStatus,
                    message: `not confirmed: the run stopped (${keyProblem(fatal)})`,
                    fatal: true
                },
                ...durationMs
            };
        }
        // Not reached: the loops end only when every sent batch is done or the run stopped.
        return batch.result;
    });
    // Without waiting, a batch Miso did at once counts as done too.
    const counted = (status) => status === 'succeeded' || (!settings.wait && status === 'submitted');
    const stoppedBy = halted === 'cancelled'
        ? 'cancelled'
        : fatal
            ? keyProblem(fatal)
            : halted === 'timed-out'
                ? `wait-timeout of ${settings.waitTimeoutMs / 1000} s`
                : undefined;
    return {
        status: overallStatus(results, settings.wait),
        batches: results,
        taskIds: results.flatMap(r => (r.taskId !== undefined ? [r.taskId] : [])),
        failedCount: results.reduce((sum, r) => sum + (counted(r.status) ? 0 : r.count), 0),
        ...(stoppedBy !== undefined ? { stoppedBy } : {}),
        warnings
    };
}
function overallStatus(results, wait) {
    const has = (status) => results.some(r => r.status === status);
    if (has('cancelled'))
        return 'cancelled';
    if (has('failed'))
        return 'failed';
    if (has('timed-out') || has('not-sent'))
        return 'timed-out';
    return wait || !has('submitted') ? 'succeeded' : 'submitted';
}
/** `Task <id>` once accepted, else `Batch <n>/<total>`. */
function batchLabel(result, total) {
    return result.taskId !== undefined
        ? `Task ${result.taskId}`
        : `Batch ${result.index + 1}/${total}`;
}
function keyProblem(failure) {
    if (failure.httpStatus === 407)
        return 'the proxy refused the credentials (HTTP 407)';
    const what = failure.httpStatus === 403 ? 'api key refused' : 'invalid api key';
    return `${what} (HTTP ${failure.httpStatus ?? '?'})`;
}

// EXTERNAL MODULE: ./src/plural.ts
var plural = __webpack_require__(9133);
// EXTERNAL MODULE: ./src/miso/throttle.ts
var throttle = __webpack_require__(9754);
;// CONCATENATED MODULE: ./src/poll-schedule.ts
// When to poll which task. Miso works through one account's tasks in a queue, so tasks
// accepted earlier usually end earlier, and often many end at about the same time. Polling
// every task on its own back-off costs several requests per task and learns of the end late;
// instead the run watches the oldest unfinished task (the head) and, when it has ended,
// sweeps on to the next ones at once. A task is never polled before `pollIntervalMs` after it
// was accepted, and a slow backstop poll keeps reaching the other tasks, so endings out of
// order are still seen.
//
// Timing of the head's polls:
// - no task has ended yet: every LAG_SHARE of the head's age (at least `minGapMs`), so the end
//   of a run whose tasks end together is learnt within about that share of its length;
// - once tasks have ended, the schedule predicts when the last one will, from two models it
//   checks against every answer: tasks that take the same time each from their acceptance
//   (they end together when accepted together), or tasks that run one after another at the
//   pace seen so far. The next poll comes after PACE_SHARE of the predicted remaining time, so
//   polls get closer as the end nears, never closer than the age rule allows for.
// - never more than `maxGapMs` apart.
// A sweep polls the next tasks one at a time, or several at once when a model says they have
// ended, and stops at the first task that has not.
//
// Pure bookkeeping: times are passed in, nothing is sent from here (deletion.ts does that).
/** The head's polls are at least this far apart (or half the poll interval, if shorter)... */
const MIN_GAP_MS = 1000;
/** ...and at least this share of its age... */
const LAG_SHARE = 0.06;
/** ...or after this share of the predicted remaining time, when there is a prediction. */
const PACE_SHARE = 0.6;
/** The backstop starts this many `maxGapMs` after the first acceptance, then polls every one. */
const BACKSTOP_AFTER = 2;
/** The schedule of a run's polls; `K` is the caller's handle of a task. */
class PollSchedule {
    settings;
    /** In the order their delete requests were sent. */
    tasks = [];
    byKey = new Map();
    /** Every task before this index has ended. */
    firstOpen = 0;
    /** The next task a sweep looks at; undefined when no sweep is on. */
    sweep;
    /** Sweep polls in flight. */
    sweepInFlight = 0;
    /**
     * Endings the sweep on has seen: it may have up to 2^(this - 1) polls in flight (one at first),
     * so a model that guessed wrong costs few requests.
     */
    sweepEnds = 0;
    /** When the head is polled next (outside a sweep). */
    headAt = 0;
    backstopAt;
    // Model 1, every task takes about D from its acceptance: D > durationLow, D <= durationHigh.
    durationLow = 0;
    durationHigh = Infinity;
    // Model 2, tasks end one after another: `ended` tasks by `paceAt`.
    pace;
    minGapMs;
    constructor(settings) {
        this.settings = settings;
        this.minGapMs = Math.min(MIN_GAP_MS, settings.pollIntervalMs / 2);
    }
    /**
     * A task was accepted. Answers to requests sent together can arrive in any order, so the
     * task takes its place by `sentAt`, which is Miso's order too.
     */
    add(key, acceptedAt, sentAt = acceptedAt) {
        const task = {
            key,
            sentAt,
            acceptedAt,
            ended: false,
            inFlight: undefined,
            polledAt: -Infinity
        };
        let place = this.tasks.length;
        while (place > 0 && this.tasks[place - 1].sentAt > sentAt)
            place--;
        this.tasks.splice(place, 0, task);
        this.byKey.set(key, task);
        if (place < this.firstOpen)
            this.firstOpen = place;
        if (this.sweep !== undefined && place < this.sweep)
            this.sweep = place;
        this.backstopAt ??= acceptedAt + BACKSTOP_AFTER * this.settings.maxGapMs;
    }
    /** Tasks accepted and not ended. */
    get open() {
        let open = 0;
        for (let i = this.firstOpen; i < this.tasks.length; i++)
            if (!this.tasks[i].ended)
                open++;
        return open;
    }
    /**
     * The tasks to poll now, at most `free` of them (they count as in flight until `heard`),
     * and when to ask again if nothing else happens first (Infinity: when a task is added).
     */
    due(now, free) {
        const poll = [];
        const take = (index, by) => {
            const task = this.tasks[index];
            task.inFlight = by;
            task.polledAt = now;
            poll.push(task.key);
        };
        this.skipEnded();
        let wakeAt = Infinity;
        if (this.sweep === undefined && this.firstOpen < this.tasks.length) {
            const head = this.tasks[this.firstOpen];
            if (!head.inFlight) {
                const at = Math.max(this.headAt, this.eligibleAt(head));
                if (at <= now)
                    this.startSweep(this.firstOpen);
                else
                    wakeAt = Math.min(wakeAt, at);
            }
        }
        if (this.sweep !== undefined) {
            while (poll.length < free) {
                const index = this.nextInSweep();
                if (index === undefined)
                    break;
                const task = this.tasks[index];
                const eligible = this.eligibleAt(task);
                if (eligible > now) {
                    wakeAt = Math.min(wakeAt, eligible);
                    break;
                }
                // The first of a sweep always goes; more at once only when predicted to have ended.
                if (this.sweepEnds > 0 && this.surelyRunning(index, now)) {
                    // Asking would only hear "running": the sweep ends here, and the head waits.
                    if (this.sweepInFlight === 0)
                        this.endSweep(now);
                    break;
                }
                if (this.sweepInFlight > 0) {
                    if (this.sweepInFlight >= 2 ** (this.sweepEnds - 1))
                        break;
                    if (!this.predictedEnded(index, now))
                        break;
                }
                this.sweep = index + 1;
                this.sweepInFlight++;
                take(index, 'sweep');
            }
        }
        const head = this.tasks[this.firstOpen];
        if (this.sweep === undefined && head && !head.inFlight) {
            // Also when the sweep above has just ended.
            wakeAt = Math.min(wakeAt, Math.max(this.headAt, this.eligibleAt(head)));
        }
        if (this.backstopAt !== undefined) {
            if (this.backstopAt <= now && poll.length < free) {
                const index = this.backstopTask(now);
                if (index !== undefined)
                    take(index, 'backstop');
                this.backstopAt = now + this.settings.maxGapMs;
            }
            wakeAt = Math.min(wakeAt, this.backstopAt);
        }
        return { poll, wakeAt };
    }
    /** The answer for task `key`, sent at `sentAt`, arrived at `now`. */
    heard(key, heard, sentAt, now) {
        const task = this.byKey.get(key);
        if (!task)
            return;
        const index = this.tasks.indexOf(task);
        const by = task.inFlight;
        task.inFlight = undefined;
        if (by === 'sweep')
            this.sweepInFlight--;
        if (heard === 'ended') {
            task.ended = true;
            this.durationHigh = Math.min(this.durationHigh, now - task.acceptedAt);
            // An ending the backstop saw out of turn: the ones after it may have ended too.
            if (by === 'backstop' && this.sweep === undefined)
                this.startSweep(index + 1);
            if (by === 'sweep')
                this.sweepEnds++;
            this.skipEnded();
            return;
        }
        if (heard === 'running') {
            this.durationLow = Math.max(this.durationLow, sentAt - task.acceptedAt);
        }
        this.skipEnded();
        if (by === 'sweep' && this.sweep !== undefined) {
            // The sweep stops here; the head is asked again after a gap.
            this.learnPace(index, sentAt);
            this.endSweep(now);
        }
    }
    endSweep(now) {
        this.sweep = undefined;
        this.headAt = now + this.gap(now);
    }
    /** When the head is polled next, for tests and the bench. */
    get nextHeadPoll() {
        return this.headAt;
    }
    startSweep(from) {
        this.sweep = from;
        this.sweepEnds = 0;
    }
    nextInSweep() {
        if (this.sweep === undefined)
            return undefined;
        for (let i = Math.max(this.sweep, this.firstOpen); i < this.tasks.length; i++) {
            const task = this.tasks[i];
            if (!task.ended && !task.inFlight)
                return i;
            this.sweep = i + 1;
        }
        // Nothing left to sweep: the sweep is over once its answers are in.
        if (this.sweepInFlight === 0) {
            this.sweep = undefined;
            this.headAt = 0;
        }
        return undefined;
    }
    skipEnded() {
        while (this.firstOpen < this.tasks.length && this.tasks[this.firstOpen].ended)
            this.firstOpen++;
    }
    eligibleAt(task) {
        return task.acceptedAt + this.settings.pollIntervalMs;
    }
    /** Tasks before `index` have all ended but for those still open: the pace so far. */
    learnPace(running, at) {
        const ended = this.tasks.slice(0, running).filter(t => t.ended).length;
        if (ended > 0)
            this.pace = { ended, at };
    }
    /**
     * Whether a model that still fits every answer says task `index` has ended by `now`; each
     * model takes its cautious side here (the longest duration, the slowest pace), since a
     * wrong guess costs a request.
     */
    predictedEnded(index, now) {
        const task = this.tasks[index];
        if (this.sameDurationFits() && task.acceptedAt + this.durationHigh <= now)
            return true;
        if (!this.pace)
            return false;
        const elapsed = this.pace.at - this.tasks[0].acceptedAt;
        return (elapsed > 0 && index + 1 <= (this.pace.ended / elapsed) * (now - this.tasks[0].acceptedAt));
    }
    /**
     * Whether task `index` is still running by the pace of tasks that end one after another
     * (when they do not end together): its turn has not come yet. A wrong guess only delays
     * learning of its end to the head's next poll.
     */
    surelyRunning(index, now) {
        const rate = this.sameDurationFits() ? undefined : this.rate();
        return rate !== undefined && this.tasks[0].acceptedAt + (index + 1) / rate > now;
    }
    sameDurationFits() {
        return this.durationLow <= this.durationHigh;
    }
    /** Tasks ended per ms, one after another, since the first acceptance. */
    rate() {
        if (!this.pace)
            return undefined;
        const elapsed = this.pace.at - this.tasks[0].acceptedAt;
        // `ended` had ended by `at` and the next had not: count half of that one.
        return elapsed > 0 ? (this.pace.ended + 0.5) / elapsed : undefined;
    }
    /** The gap before the head's next poll. */
    gap(now) {
        const head = this.tasks[this.firstOpen];
        if (!head)
            return 0;
        const byAge = Math.max(this.minGapMs, LAG_SHARE * (now - head.acceptedAt));
        const remaining = this.predictedRemaining(now);
        const gap = remaining === undefined ? byAge : Math.max(byAge, PACE_SHARE * remaining);
        return Math.min(this.settings.maxGapMs, gap);
    }
    /** How long until the last task known ends, by the models that still fit; undefined: no idea. */
    predictedRemaining(now) {
        const last = this.tasks[this.tasks.length - 1];
        const guesses = [];
        if (this.durationHigh < Infinity && this.sameDurationFits()) {
            guesses.push(last.acceptedAt + this.durationLow - now);
        }
        const rate = this.rate();
        if (rate !== undefined) {
            guesses.push(this.tasks[0].acceptedAt + this.tasks.length / rate - now);
        }
        if (guesses.length === 0)
            return undefined;
        return Math.max(0, Math.min(...guesses));
    }
    /** The open task, other than the head, asked about least recently (oldest first). */
    backstopTask(now) {
        let best;
        for (let i = this.firstOpen + 1; i < this.tasks.length; i++) {
            const task = this.tasks[i];
            if (task.ended || task.inFlight || this.eligibleAt(task) > now)
                continue;
            if (best === undefined || task.polledAt < this.tasks[best].polledAt)
                best = i;
        }
        return best;
    }
}

;// CONCATENATED MODULE: ./src/deletion.ts
// The deletion run: sends the batches with bounded concurrency and, beside that, polls every
// accepted task until each batch ends in a known state.
//
// - Up to `concurrency` delete requests and, separately, up to `concurrency` status polls are
//   in flight. Which task is polled when is the schedule's decision (poll-schedule.ts): the
//   oldest unfinished task on a back-off, then the next ones as soon as it has ended, never a
//   task earlier than `pollIntervalMs` after it was accepted.
// - 401/403/407 (from a delete or a status poll) means the key (or the proxy's credentials) is
//   wrong for everything: no further batches are sent ('not-sent') and no further polls made;
//   requests in flight finish, and accepted tasks not yet confirmed are 'failed' (their
//   outcome cannot be learnt any more).
// - `waitTimeoutMs` (with `wait` only) counts from the start of the run, i.e. the first delete
//   request. When it passes, requests in flight are aborted, accepted and in-flight batches are
//   'timed-out' and unsent ones 'not-sent'.
// - Cancellation (`signal`) aborts everything in flight; every unfinished batch is 'cancelled'
//   (accepted ones keep their task ID).
// - The run's status: see finaliseRun (deletion-steps.ts), where every decision of the run
//   lives apart from these loops.
// - `durationMs`: for a polled task, from acceptance to its end state (the time Miso took);
//   otherwise the delete request's own time, from sending to its answer.
// - Counts: each count of a batch is the one last reported for it, by the delete answer and
//   then each status body; a later answer replaces a count, never adds to it, so a batch is
//   never counted twice. A delete answer with counts and no task (Miso deleted at once) ends
//   the batch 'succeeded' without a poll, also with `wait` false.







const DEFAULT_MAX_POLL_INTERVAL_MS = 30_000;
/** The longest a timer may wait (setTimeout's limit); the poll loop is woken earlier anyway. */
const MAX_TIMER_MS = 2 ** 31 - 1;
async function runDeletion(batches, api, options) {
    const { log } = options;
    const now = options.now ?? Date.now;
    // The poller's waits end early, without an error, when new work stops.
    const sleep = options.sleep ?? ((ms, signal) => (0,throttle/* abortableSleep */.Mf)(ms, signal).catch(() => undefined));
    const startedAt = now();
    const state = {
        batches: batches.map((ids, index) => ({
            ids,
            result: { index, count: ids.length, status: 'not-sent', counts: {} },
            done: false,
            track: NEW_TRACK
        })),
        next: 0,
        toldWords: new Set(),
        halt: new AbortController(),
        quiet: new AbortController(),
        schedule: new PollSchedule({
            pollIntervalMs: options.pollIntervalMs,
            maxGapMs: options.maxPollIntervalMs ?? DEFAULT_MAX_POLL_INTERVAL_MS
        }),
        submitting: true,
        woken: false
    };
    // Every waiting poller and request listens on these: one per batch is expected, not a leak,
    // and Node's warning about it would alarm users reading the log.
    (0,external_node_events_.setMaxListeners)(0, state.halt.signal, state.quiet.signal);
    const loop = { state, api, options, now, sleep };
    const onCancel = () => stop(loop, 'cancelled');
    if (options.signal.aborted)
        onCancel();
    else
        options.signal.addEventListener('abort', onCancel, { once: true });
    if (options.wait && options.waitTimeoutMs > 0) {
        // A sleep that rejects on abort must not become an unhandled rejection.
        void sleep(options.waitTimeoutMs, state.halt.signal).then(() => {
            if (!state.halt.signal.aborted)
                stop(loop, 'timed-out');
        }, () => undefined);
    }
    const polling = options.wait ? pollLoop(loop) : Promise.resolve();
    const workers = Math.min(Math.max(1, options.concurrency), state.batches.length);
    await Promise.all(Array.from({ length: workers }, () => submitter(loop)));
    state.submitting = false;
    wake(state);
    await polling;
    // A cancellation after the run must not stop (and report stopping) a run that is over.
    options.signal.removeEventListener('abort', onCancel);
    state.halt.abort(); // ends the time-out timer
    const end = finaliseRun(state.batches, state, {
        wait: options.wait,
        waitTimeoutMs: options.waitTimeoutMs,
        now: now()
    });
    for (const warning of end.warnings)
        log.warning(warning);
    return {
        status: end.status,
        batches: end.batches,
        taskIds: end.taskIds,
        failedCount: end.failedCount,
        ...(end.stoppedBy !== undefined ? { stoppedBy: end.stoppedBy } : {}),
        elapsedMs: now() - startedAt
    };
}
/** Cancellation or time-out: aborts everything in flight. */
function stop(loop, why) {
    const { state, options } = loop;
    if (state.halted)
        return;
    state.halted = why;
    options.log.warning(why === 'cancelled'
        ? 'Cancelled: no further requests are made.'
        : `Wait time-out of ${options.waitTimeoutMs / 1000} s passed: no further requests are made.`);
    state.halt.abort();
    state.quiet.abort();
    wake(state);
}
/** A wrong key: no new work, but what is in flight may finish. */
function stopForKey(loop, failure) {
    const { state } = loop;
    if (state.fatal)
        return;
    state.fatal = failure;
    // The run's failing annotation gives the cause and what to do: the log line is enough here.
    loop.options.log.info(`${keyProblem(failure)}: no further requests are made.`);
    state.quiet.abort();
    wake(state);
}
function finish(loop, batch, status, from, error) {
    batch.done = true;
    batch.result.status = status;
    if (error)
        batch.result.error = error;
    if (from !== undefined)
        batch.result.durationMs = loop.now() - from;
}
function label(loop, batch) {
    return batchLabel(batch.result, loop.state.batches.length);
}
/** Sends batches, one at a time, until none is left or new work stops. */
async function submitter(loop) {
    const { state } = loop;
    while (!state.quiet.signal.aborted && state.next < state.batches.length) {
        await send(loop, state.batches[state.next++]);
    }
}
async function send(loop, batch) {
    const { state, api, options } = loop;
    batch.sentAt = loop.now();
    let outcome;
    try {
        outcome = await api.deleteProducts(batch.ids, state.halt.signal);
    }
    catch (e) {
        outcome = { ok: false, failure: { message: errorText(e), fatal: false } };
    }
    if (outcome.body !== undefined)
        batch.result.response = outcome.body;
    if (outcome.ok) {
        batch.result.counts = outcome.counts;
        if (outcome.taskId === undefined) {
            finish(loop, batch, 'succeeded', batch.sentAt);
            options.log.info(`${label(loop, batch)}: ${(0,plural/* plural */.L)(batch.ids.length, 'ID')} done at once${countsText(outcome.counts)}.`);
            return;
        }
        options.log.info(`${label(loop, batch)}: ${(0,plural/* plural */.L)(batch.ids.length, 'ID')} accepted as task ${outcome.taskId}.`);
        batch.result.taskId = outcome.taskId;
        batch.acceptedAt = loop.now();
        if (!options.wait)
            finish(loop, batch, 'submitted', batch.sentAt);
        else {
            state.schedule.add(batch, batch.acceptedAt, batch.sentAt);
            wake(state);
        }
        return;
    }
    // A failure caused by our own abort says nothing about the batch; the run's stop decides.
    if (state.halt.signal.aborted)
        return;
    const { failure } = outcome;
    finish(loop, batch, 'failed', batch.sentAt, failure);
    // A wrong key fails every batch the same way: the run's failure says it once.
    const line = `${label(loop, batch)}: ${(0,plural/* plural */.L)(batch.ids.length, 'ID')} not deleted: ${failureText(failure)}`;
    if (failure.fatal)
        options.log.info(line);
    else
        options.log.warning(line);
    if (failure.fatal)
        stopForKey(loop, failure);
}
/**
 * Polls what the schedule says is due, at most `concurrency` at once, until every task has
 * ended and no more can come, or new work stops.
 */
async function pollLoop(loop) {
    const { state } = loop;
    const concurrency = Math.max(1, loop.options.concurrency);
    const inFlight = new Set();
    while (!state.quiet.signal.aborted) {
        if (!state.submitting && inFlight.size === 0 && state.schedule.open === 0)
            break;
        const now = loop.now();
        const { poll, wakeAt } = state.schedule.due(now, concurrency - inFlight.size);
        for (const batch of poll) {
            const request = pollOnce(loop, batch, now).finally(() => {
                inFlight.delete(request);
                wake(state);
            });
            inFlight.add(request);
        }
        // Every slot taken: the poll that ends first wakes the loop, no timer needed.
        await waitForWake(loop, inFlight.size >= concurrency ? MAX_TIMER_MS : wakeAt - now);
    }
    await Promise.all(inFlight);
}
/**
 * Tells the poll loop to look again: a task was accepted or answered, sending ended, or new
 * work stopped. A run wakes it a few times per batch: the abort carries a plain reason, as
 * the default one costs a DOMException with its stack each time.
 */
function wake(state) {
    state.woken = true;
    state.waiting?.abort(WOKEN);
}
const WOKEN = 'woken';
async function waitForWake(loop, ms) {
    const { state } = loop;
    if (!state.woken) {
        // One signal, woken by wake() also when new work stops (AbortSignal.any() per wait would
        // cost more than the poll it waits for).
        const waiting = new AbortController();
        state.waiting = waiting;
        await loop.sleep(Math.min(MAX_TIMER_MS, Math.max(0, ms)), waiting.signal);
        state.waiting = undefined;
    }
    state.woken = false;
}
/** One poll of the task of `batch`, sent at `sentAt`. Never rejects. */
async function pollOnce(loop, batch, sentAt) {
    const { state, options } = loop;
    const answer = await askStatus(loop, batch.result.taskId ?? '');
    if (state.halt.signal.aborted)
        return;
    let step;
    try {
        step = readAnswer(loop, batch, answer, batch.track);
    }
    catch (e) {
        // A fault in reading one answer ends that task only; the run and its report go on.
        const message = `status answer could not be read: ${errorText(e)}`;
        step = givenUp(answer, message, label(loop, batch));
    }
    let heard = 'ended';
    switch (step.kind) {
        case 'stop-for-key':
            finish(loop, batch, 'failed', batch.acceptedAt, step.failure);
            stopForKey(loop, step.failure);
            break;
        case 'finish':
            finish(loop, batch, step.status, batch.acceptedAt, step.error);
            if (step.info !== undefined)
                options.log.info(step.info);
            if (step.warning !== undefined)
                options.log.warning(step.warning);
            break;
        case 'continue':
            batch.track = step.track;
            if (step.newWord !== undefined)
                state.toldWords.add(step.newWord);
            if (step.warning !== undefined)
                options.log.warning(step.warning);
            heard = (0,http_policy/* isTransientStatus */.Dm)(answer.httpStatus) ? 'no-news' : 'running';
    }
    state.schedule.heard(batch, heard, sentAt, loop.now());
}
/** Reads one status answer into the batch and decides what it means. */
function readAnswer(loop, batch, answer, track) {
    const reading = readTaskStatus(answer);
    loop.options.log.debug(`${label(loop, batch)}: HTTP ${answer.httpStatus}, ${describeReading(reading)}`);
    if (answer.httpStatus !== 0)
        batch.result.response = answer.body;
    batch.result.counts = { ...batch.result.counts, ...reading.counts };
    batch.lastReading = reading;
    return stepPoll(answer, reading, track, {
        label: label(loop, batch),
        retries: loop.options.retries,
        toldWords: loop.state.toldWords
    });
}
/** One status request; a thrown error becomes an answer without HTTP status. */
async function askStatus(loop, taskId) {
    try {
        return await loop.api.getStatus(taskId, loop.state.halt.signal);
    }
    catch (e) {
        return { httpStatus: 0, body: errorText(e) };
    }
}
function failureText(failure) {
    const status = failure.httpStatus !== undefined ? `HTTP ${failure.httpStatus}: ` : '';
    return `${status}${failure.message}`;
}
function errorText(e) {
    return e instanceof Error ? e.message : String(e);
}

// EXTERNAL MODULE: ./src/diff/commit-files.ts
var commit_files = __webpack_require__(4528);
// EXTERNAL MODULE: ./src/diff/event.ts
var diff_event = __webpack_require__(8679);
// EXTERNAL MODULE: ./src/ids/files.ts
var files = __webpack_require__(2429);
// EXTERNAL MODULE: ./src/ids/formats.ts
var formats = __webpack_require__(7438);
// EXTERNAL MODULE: ./src/ids/id-value.ts
var id_value = __webpack_require__(6409);
;// CONCATENATED MODULE: ./src/ids/inline.ts
// The `product-ids` input: IDs separated by newlines or commas. Unlike ID files there are
// no comments here, so an inline ID may start with `#`; it may not contain a comma.
// A value starting with `[` is a JSON array (often another step's output), read by the one
// rule for JSON values (id-value.ts).


const INPUT = 'product-ids';
/**
 * Inline IDs in the order given, each trimmed; empty entries dropped, duplicates kept.
 * Throws, naming the input, for a JSON array that is not valid or holds a non-ID.
 */
function parseInlineIds(text) {
    if (text.trimStart().startsWith('['))
        return idsOfJsonArray(text);
    const ids = [];
    for (const part of text.split(/[\r\n,]/)) {
        const id = part.trim();
        if (id !== '')
            ids.push(id);
    }
    return ids;
}
function idsOfJsonArray(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`Input \`${INPUT}\` starts with \`[\`, so it is read as a JSON array, but it is not valid JSON (${error.message}). Give a JSON array of strings or numbers, or IDs separated by commas or newlines.`, { cause: error });
    }
    if (!Array.isArray(value)) {
        throw new Error(`Input \`${INPUT}\` starts with \`[\` but is not one JSON array.`);
    }
    return value.map((item, i) => {
        const id = (0,id_value/* idOfValue */.I0)(item);
        if (typeof id === 'string')
            return id;
        throw new Error(`Input \`${INPUT}\` is a JSON array, but item ${i + 1}: ${id.problem}. Give strings or numbers.`);
    });
}
/**
 * One warning for the IDs that contain white space, naming the first: IDs are never split on
 * spaces, but `SKU-1 SKU-2` is almost always two IDs.
 */
function whiteSpaceWarning(ids) {
    const spaced = ids.filter(id => /\s/.test(id));
    if (spaced.length === 0)
        return undefined;
    const others = spaced.length - 1;
    const which = others === 0 ? 'contains' : `and ${(0,plural/* plural */.L)(others, 'more ID')} contain`;
    return `Input \`${INPUT}\`: the ID ${JSON.stringify(spaced[0])} ${which} white space. IDs are kept whole (they may contain spaces); if this is meant as several IDs, separate them with commas or newlines.`;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/input-helper.ts
// Turns the raw action inputs into one typed Settings object, refusing anything
// that is not exactly understood before any call to Miso is made.



/** A refused input: the message names the input and the problem (never the key). */
class InputError extends Error {
    name = 'InputError';
}
/**
 * Every input, in action.yml's order: its name, default and parser. A test keeps it, action.yml
 * and the README's table of inputs the same. Rules that join several inputs are in
 * `checkCombinations`. (`dryRun` here is the input; the event may still force a dry run.)
 */
const INPUTS = {
    apiKey: { name: 'api-key', default: '', parse: input_helper_text },
    apiUrl: { name: 'api-url', default: 'https://api.askmiso.com', parse: parseApiUrl },
    authMode: { name: 'auth-mode', default: 'header', parse: oneOf('header', 'query') },
    productIds: { name: 'product-ids', default: '', parse: input_helper_text },
    idsFiles: { name: 'ids-file', default: '', parse: parseList },
    idField: { name: 'id-field', default: 'product_id', parse: fieldPath },
    deletedPaths: { name: 'deleted-paths', default: '', parse: parseList },
    idFrom: { name: 'id-from', default: 'filename', parse: parseIdFrom },
    idListFiles: { name: 'id-list-files', default: '', parse: parseList },
    base: { name: 'base', default: '', parse: input_helper_text },
    head: { name: 'head', default: '', parse: input_helper_text },
    dryRun: { name: 'dry-run', default: 'false', parse: parseBoolean },
    maxDeletions: { name: 'max-deletions', default: '1000', parse: whole(0, 100_000_000) },
    failOnEmpty: { name: 'fail-on-empty', default: 'false', parse: parseBoolean },
    batchSize: { name: 'batch-size', default: '1000', parse: whole(1, 10_000) },
    concurrency: { name: 'concurrency', default: '4', parse: whole(1, 32) },
    retries: { name: 'retries', default: '5', parse: whole(0, 20) },
    requestTimeoutMs: { name: 'request-timeout', default: '30', parse: seconds(1, 600) },
    wait: { name: 'wait', default: 'true', parse: parseBoolean },
    waitTimeoutMs: { name: 'wait-timeout', default: '600', parse: seconds(0, 86_400) },
    pollIntervalMs: { name: 'poll-interval', default: '2', parse: seconds(1, 300) },
    recordType: { name: 'record-type', default: 'products', parse: oneOf('products', 'users') },
    reconcile: { name: 'reconcile', default: 'false', parse: parseBoolean },
    reconcileType: { name: 'reconcile-type', default: '', parse: input_helper_text },
    maxDeletionsPercent: { name: 'max-deletions-percent', default: '10', parse: whole(0, 100) },
    githubToken: { name: 'github-token', default: '${{ github.token }}', parse: input_helper_text },
    comment: { name: 'comment', default: 'false', parse: parseBoolean },
    commentTitle: { name: 'comment-title', default: 'Miso bulk delete', parse: input_helper_text },
    branches: { name: 'branches', default: '', parse: parseList }
};
/**
 * Every input action.yml declares. The runner passes any `with:` key, declared or not, and only
 * warns about the others: a misspelled `dry_run: true` would run a real deletion, so an
 * undeclared input fails the step.
 */
const DECLARED_INPUTS = Object.values(INPUTS).map(row => row.name);
/** Where the run's files go: `RUNNER_TEMP`, or the system's temp dir for a local run. */
function runnerTempOf(env) {
    return external_node_path_.resolve(env.RUNNER_TEMP || external_node_os_.tmpdir());
}
function getSettings(context) {
    const { env, getInput: raw, setSecret } = context;
    // Mask the key before anything else can print it.
    const apiKey = raw('api-key').trim();
    if (apiKey)
        setSecret(apiKey);
    if (apiKey && apiKey !== raw('api-key'))
        setSecret(raw('api-key'));
    refuseUndeclaredInputs(env);
    const inputs = readInputs(INPUTS, raw);
    const forced = context.forcedDryRun?.(inputs.branches);
    const dryRunReason = forced ?? (inputs.dryRun ? 'the `dry-run` input is true' : '');
    const settings = {
        ...inputs,
        dryRun: dryRunReason !== '',
        dryRunReason,
        workspace: external_node_path_.resolve(env.GITHUB_WORKSPACE || process.cwd()),
        runnerTemp: runnerTempOf(env)
    };
    checkCombinations(settings);
    return settings;
}
/** Each row's parser over its input, trimmed; an empty input takes the row's default. */
function readInputs(table, raw) {
    const values = {};
    for (const key of Object.keys(table)) {
        const row = table[key];
        values[key] = row.parse(raw(row.name).trim() || fallback(row.default), row.name);
    }
    return values;
}
/** A `${{ }}` default is the runner's to fill in: given empty, the input stays empty. */
function fallback(declared) {
    return declared.includes('${{') ? '' : declared;
}
/** The rules that join several inputs, checked once each input is valid on its own. */
function checkCombinations(settings) {
    const { reconcile, reconcileType, productIds, recordType, apiKey, dryRun } = settings;
    if (!reconcile && reconcileType) {
        throw new InputError('Input `reconcile-type` is only read with `reconcile: true`.');
    }
    if (reconcile && productIds !== '') {
        throw new InputError('Input `product-ids` cannot be used with `reconcile: true`: reconcile deletes what Miso lists and the repository does not name. Give the IDs to keep in `ids-file`, or run without `reconcile`.');
    }
    if (reconcile && reconcileType && recordType !== 'products') {
        throw new InputError('Input `reconcile-type` filters products; it cannot be used with `record-type: users`.');
    }
    if (reconcile && !apiKey) {
        throw new InputError("Input `api-key` is required with `reconcile: true`, also in a dry run: the plan needs Miso's listing.");
    }
    if (!dryRun && !apiKey) {
        throw new InputError('Input `api-key` is required unless the run is a dry run: pass `${{ secrets.MISO_API_KEY }}` or set `dry-run: true`.');
    }
}
/** Settings that are allowed but almost certainly not meant. */
function settingsWarnings(settings) {
    const warnings = [];
    const { wait, waitTimeoutMs, pollIntervalMs } = settings;
    if (wait && waitTimeoutMs > 0 && waitTimeoutMs < pollIntervalMs) {
        warnings.push(`\`wait-timeout\` (${waitTimeoutMs / 1000} s) is shorter than \`poll-interval\` (${pollIntervalMs / 1000} s): the wait ends before the first status poll, so no task can be confirmed. Raise \`wait-timeout\` or lower \`poll-interval\`.`);
    }
    return warnings;
}
/** The variable the runner passes an input in: spaces become `_`, letters upper case. */
function inputVariable(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
/** Fails, naming each one and the declared input closest to it, when `env` has an undeclared input. */
function refuseUndeclaredInputs(env) {
    const declared = new Set(DECLARED_INPUTS.map(inputVariable));
    const undeclared = Object.keys(env)
        .filter(variable => variable.startsWith('INPUT_') && !declared.has(variable))
        .sort();
    if (undeclared.length === 0)
        return;
    // The runner upper-cased the name; lower case is how it was most likely written.
    const named = undeclared.map(variable => {
        const name = variable.slice('INPUT_'.length).toLowerCase();
        return `\`${name}\` (did you mean \`${closestInput(name)}\`?)`;
    });
    throw new InputError(`The step's \`with:\` names ${named.length === 1 ? 'an input' : 'inputs'} this action does not have: ${named.join(', ')}. Nothing was sent to Miso: a misspelled input must not change what is deleted.`);
}
/** The declared input nearest to `name` (edit distance, `_` and spaces read as `-`). */
function closestInput(name) {
    const wanted = name.toLowerCase().replace(/[_ ]/g, '-');
    let best = DECLARED_INPUTS[0];
    let bestDistance = Infinity;
    for (const candidate of DECLARED_INPUTS) {
        const distance = editDistance(wanted, candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}
/** Levenshtein distance, with a swap of two neighbours counted as one edit. */
function editDistance(a, b) {
    const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                d = Math.min(d, rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = d;
        }
    }
    return rows[a.length][b.length];
}
/** Lines of a multi-line input, trimmed, blank lines and `#` comment lines dropped. */
function parseList(value) {
    return value
        .split(/\r?\n/)
        .map(line => line.trim())
        .filter(line => line !== '' && !line.startsWith('#'));
}
/** The input as given (trimmed). */
function input_helper_text(value) {
    return value;
}
function parseBoolean(value, name) {
    const v = value.toLowerCase();
    if (v === 'true')
        return true;
    if (v === 'false')
        return false;
    throw new InputError(`Input \`${name}\` must be \`true\` or \`false\`, got ${quote(value)}.`);
}
function whole(min, max) {
    return (value, name) => parseWhole(name, value, min, max);
}
/** A whole number of seconds from `min` to `max`, as milliseconds. */
function seconds(min, max) {
    return (value, name) => parseWhole(name, value, min, max) * 1000;
}
function parseWhole(name, value, min, max) {
    if (!/^\d+$/.test(value)) {
        throw new InputError(`Input \`${name}\` must be a whole number from ${min} to ${max}, got ${quote(value)}.`);
    }
    const n = Number(value);
    if (n < min || n > max) {
        throw new InputError(`Input \`${name}\` must be from ${min} to ${max}, got ${n}.`);
    }
    return n;
}
/** One of `choices`, in any letter case. */
function oneOf(...choices) {
    return (value, name) => {
        const v = value.toLowerCase();
        const found = choices.find(choice => choice === v);
        if (found !== undefined)
            return found;
        const named = choices.map(choice => `\`${choice}\``).join(' or ');
        throw new InputError(`Input \`${name}\` must be ${named}, got ${quote(value)}.`);
    };
}
function parseIdFrom(value) {
    if (value === 'filename' || value === 'path')
        return { kind: value };
    const m = /^(json|frontmatter):(.*)$/.exec(value);
    if (m) {
        const field = m[2].trim();
        if (!field) {
            throw new InputError(`Input \`id-from\` needs a field name after \`${m[1]}:\` (dotted paths like \`a.b\` are allowed), got ${quote(value)}.`);
        }
        checkFieldPath('id-from', field);
        return m[1] === 'json' ? { kind: 'json', field } : { kind: 'frontmatter', key: field };
    }
    throw new InputError(`Input \`id-from\` must be \`filename\`, \`path\`, \`json:<field>\` or \`frontmatter:<key>\`, got ${quote(value)}.`);
}
/** An `id-field` path, checked by the grammar of `id-from` paths. */
function fieldPath(value, name) {
    checkFieldPath(name, value);
    return value;
}
/** `id-field` and `id-from` paths follow one grammar (parseFieldPath). */
function checkFieldPath(name, text) {
    try {
        (0,id_value/* parseFieldPath */.Zl)(text);
    }
    catch (error) {
        if (!(error instanceof id_value/* FieldPathError */.qd))
            throw error;
        throw new InputError(`Input \`${name}\` is not a valid field path: ${error.message} in ${quote(text)}.`);
    }
}
const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;
/** https only, except loopback hosts; a path prefix is kept, a trailing slash dropped. */
function parseApiUrl(value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new InputError('Input `api-url` is not a valid URL.');
    }
    const where = `${url.protocol}//${url.host}`;
    if (url.username || url.password) {
        throw new InputError(`Input \`api-url\` must not carry credentials (${where}).`);
    }
    if (url.search || url.hash) {
        throw new InputError(`Input \`api-url\` must not have a query or fragment (${where}); pass the key in \`api-key\`.`);
    }
    if (url.protocol === 'http:' && !LOOPBACK_HOSTS.test(url.hostname)) {
        throw new InputError(`Input \`api-url\` must use https (${where}); plain http is allowed only for loopback hosts.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new InputError(`Input \`api-url\` must use https, got ${url.protocol}.`);
    }
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
function quote(value) {
    const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
    return JSON.stringify(shown);
}

// EXTERNAL MODULE: ./src/redact.ts
var src_redact = __webpack_require__(6670);
;// CONCATENATED MODULE: ./src/log.ts

function runLog(channel, notes, sink) {
    // Notices and warnings are also kept for the summary, as the log shows them.
    const noted = (print) => (message) => {
        const text = channel.logLine(message);
        notes.push(text);
        print(text);
    };
    return {
        info: message => sink.info(channel.logLine(message)),
        infoLines: lines => {
            if (lines.length > 0)
                sink.info(lines.map(line => channel.logLine(line)).join('\n'));
        },
        // Only shown with step debug logging on; a large run makes thousands.
        debug: message => {
            if (sink.debugging)
                sink.debug(channel.logLine(message));
        },
        notice: noted(sink.notice),
        warning: noted(sink.warning),
        error: (message, where) => sink.error(channel.logLine(message), where ? (0,src_redact/* mapStrings */.to)(where, channel.redact) : {})
    };
}

// EXTERNAL MODULE: ./node_modules/node-fetch/src/index.js + 12 modules
var src = __webpack_require__(816);
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"1.0.0"};
// EXTERNAL MODULE: ./src/miso/proxy.ts
var miso_proxy = __webpack_require__(1628);
;// CONCATENATED MODULE: ./src/miso/delete-answer.ts
// Reads a 2xx answer of `POST /v1/{products|users}/_delete`. Miso answers in one of three
// forms, and the batch's fate depends on which:
//
//   - `data.task_id`, with or without counts: accepted; the task is polled.
//   - no task ID, but deletion counts (`deleted.count` / `not_found.count`, under `data` or
//     not, which Miso's own SDK reads from this answer): done at once, nothing to poll.
//   - neither (or not JSON, or a task ID that is no usable path segment): not an answer;
//     retried like a 5xx, as deleting is idempotent.
//
// Counts are read by the one counts rule of task-status.ts, so a batch's counts mean the same
// whichever answer carried them.


/** The counts that say what a delete did; any one of them makes an answer without a task final. */
const DELETION_COUNTS = ['deleted', 'not_found'];
function readDeleteAnswer(body, contentType) {
    const parsed = (0,json/* parseJsonOrUndefined */.rx)(body);
    if (!(0,json/* isObject */.Gv)(parsed)) {
        if (parsed === undefined) {
            return {
                kind: 'invalid',
                reason: `answer is not JSON${contentType ? ` (${contentType.split(';')[0]})` : ''}`
            };
        }
        return { kind: 'invalid', reason: 'answer is not a JSON object' };
    }
    const counts = countsOf(parsed);
    const data = (0,json/* isObject */.Gv)(parsed.data) ? parsed.data : undefined;
    const taskId = data?.task_id;
    if (taskId !== undefined && taskId !== null) {
        const problem = taskIdProblem(taskId);
        if (problem === undefined)
            return { kind: 'task', taskId: taskId, counts };
        return { kind: 'invalid', reason: `answer has an unusable data.task_id (${problem})` };
    }
    if (DELETION_COUNTS.some(name => counts[name] !== undefined))
        return { kind: 'done', counts };
    return { kind: 'invalid', reason: 'answer has no data.task_id and no deletion counts' };
}
/**
 * Why a task ID cannot name a status URL, if it cannot. Every character is percent-encoded
 * into one path segment, but `.` and `..` stay dot segments, which a URL resolves away (`..`
 * would poll `/v1/products/` itself, with the key).
 */
function taskIdProblem(taskId) {
    if (typeof taskId !== 'string')
        return `a ${taskId === null ? 'null' : typeof taskId}`;
    const trimmed = taskId.trim();
    if (trimmed === '')
        return 'empty';
    if (trimmed === '.' || trimmed === '..')
        return `"${trimmed}"`;
    return undefined;
}

;// CONCATENATED MODULE: ./src/miso/id-listing.ts
// Reads an answer of `GET /v1/{products|users}/_ids`: `{"data":{"ids":[...]}}`, as Miso's own
// SDK reads it. Reconcile deletes what this list holds and the repository does not, so the
// reading is strict: anything but an array of strings under `data.ids` is refused, naming the
// first problem, and no ID is guessed.


function readIdListing(body) {
    const parsed = (0,json/* parseJsonOrUndefined */.rx)(body);
    if (parsed === undefined)
        return { ok: false, problem: 'the answer is not JSON' };
    if (!(0,json/* isObject */.Gv)(parsed))
        return { ok: false, problem: 'the answer is not a JSON object' };
    const data = parsed.data;
    if (!(0,json/* isObject */.Gv)(data))
        return { ok: false, problem: 'the answer has no `data` object' };
    const list = data.ids;
    if (!Array.isArray(list)) {
        return {
            ok: false,
            problem: `\`data.ids\` is ${list === undefined ? 'missing' : `${kindOf(list)}, not an array`}`
        };
    }
    const ids = new Array(list.length);
    for (let i = 0; i < list.length; i++) {
        const value = list[i];
        if (typeof value !== 'string') {
            return { ok: false, problem: `\`data.ids\` item ${i} is ${kindOf(value)}, not a string` };
        }
        const id = (0,id_value/* idOfValue */.I0)(value);
        if (typeof id !== 'string')
            return { ok: false, problem: `\`data.ids\` item ${i}: ${id.problem}` };
        // Taken exactly as Miso lists it: a trimmed ID would name another record than the listed one.
        ids[i] = id;
    }
    return { ok: true, ids };
}
function kindOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

;// CONCATENATED MODULE: ./src/miso/client.ts
// The HTTP client for Miso's bulk delete and task status endpoints: authentication,
// retries with back-off, the shared throttle, time-outs, proxies, and keeping the API key
// out of every message and body it hands back.









/** Answers are read up to this size, so a hostile or broken answer cannot exhaust memory. */
const MAX_BODY_BYTES = 1024 * 1024;
/**
 * An ID listing is read up to this size: a million IDs of 40 characters are about 45 MB. A
 * longer one fails the reconcile rather than being read in part.
 */
const MAX_LISTING_BYTES = 256 * 1024 * 1024;
/** Longest server message kept; HTML error pages can be long. */
const MAX_MESSAGE_CHARS = 500;
/** The routes of one record type, e.g. `/v1/users/_delete`. */
function routesFor(recordType) {
    return {
        delete: `/v1/${recordType}/_delete`,
        status: `/v1/${recordType}/_status/`,
        ids: `/v1/${recordType}/_ids`,
        /** The delete body's list: `product_ids` or `user_ids`. */
        idsKey: recordType === 'users' ? 'user_ids' : 'product_ids'
    };
}
class MisoClient {
    options;
    throttle;
    apiUrl;
    basePath;
    agent;
    redact;
    /** The variable naming the proxy in use, for the message of a 407. */
    proxyVariable;
    userAgent;
    random;
    sleep;
    routes;
    /** Throws when the proxy settings are unusable (naming the variable, never its value). */
    constructor(options) {
        this.options = options;
        this.apiUrl = options.apiUrl.replace(/\/+$/, '');
        this.basePath = new URL(this.apiUrl).pathname.replace(/\/+$/, '');
        const env = options.env ?? process.env;
        const proxy = (0,miso_proxy/* proxyFor */.iJ)(this.apiUrl, env);
        this.redact = (0,src_redact/* redactor */.$p)([options.apiKey, ...(proxy ? (0,miso_proxy/* proxySecrets */.Wm)(proxy) : [])]);
        this.agent = (0,miso_proxy/* agentFor */.Pf)(this.apiUrl, env);
        this.proxyVariable = (0,miso_proxy/* proxyVariableFor */.Qk)(this.apiUrl, env);
        this.userAgent = options.userAgent ?? `miso-bulk-delete/${package_namespaceObject.rE}`;
        this.random = options.random ?? Math.random;
        this.sleep = options.sleep ?? throttle/* abortableSleep */.Mf;
        this.routes = routesFor(options.recordType ?? 'products');
        this.throttle = new throttle/* Throttle */.X5(options.concurrency, { sleep: this.sleep });
        if (proxy) {
            this.log(`Reaching ${new URL(this.apiUrl).host} through proxy ${(0,miso_proxy/* describeProxy */.GK)(proxy)}`);
        }
    }
    async deleteProducts(ids, signal) {
        const body = JSON.stringify({ data: { [this.routes.idsKey]: ids } });
        const retries = Math.max(0, Math.floor(this.options.retries));
        let attempts = 0;
        for (;;) {
            if (signal.aborted)
                return cancelled('cancelled before the request was sent');
            const attempt = await this.attemptDelete(body, signal, () => attempts++);
            switch (attempt.kind) {
                case 'accepted':
                    return {
                        ok: true,
                        ...(attempt.taskId !== undefined ? { taskId: attempt.taskId } : {}),
                        counts: attempt.counts,
                        httpStatus: attempt.httpStatus,
                        body: attempt.body
                    };
                case 'final':
                    return { ok: false, failure: attempt.failure, body: attempt.body };
                case 'cancelled':
                    return cancelled('cancelled before Miso answered');
            }
            const reason = this.forLog(attempt.failure);
            if (attempts > retries) {
                if (retries > 0)
                    this.log(`${reason}; giving up after ${attempts} attempts`);
                return { ok: false, failure: attempt.failure, body: attempt.body };
            }
            const delay = this.retryDelay(attempts - 1, attempt.retryAfterMs);
            this.log(`${reason}; retry ${attempts} of ${retries} in ${client_seconds(delay)}`);
            try {
                await this.sleep(delay, signal);
            }
            catch {
                const last = explain(attempt.failure);
                return cancelled(`cancelled while waiting to retry (last answer: ${last})`);
            }
        }
    }
    async getStatus(taskId, signal) {
        try {
            // Polls are limited by the caller, but a 429 pause holds for them too.
            await this.throttle.waitForPause(signal);
        }
        catch {
            return { httpStatus: 0, body: 'cancelled before the request was sent' };
        }
        const path = this.routes.status + encodeURIComponent(taskId);
        const exchange = await this.exchange('GET', path, undefined, signal);
        if (exchange.kind === 'cancelled') {
            return { httpStatus: 0, body: 'cancelled before Miso answered' };
        }
        if (exchange.kind === 'error')
            return { httpStatus: 0, body: exchange.reason };
        const { answer } = exchange;
        if (answer.status === 429)
            this.rateLimited(`GET ${this.basePath}${path}`, answer);
        // The proxy's own answer says nothing about the task: the message says what to fix.
        if (answer.status === 407) {
            return { httpStatus: 407, body: JSON.stringify({ message: this.proxyRefusal() }) };
        }
        return { httpStatus: answer.status, body: answer.body };
    }
    /**
     * Every ID Miso lists for the record type (`GET /v1/{type}/_ids`, `?type=` when given).
     * Retried like a status poll: no answer (a cut-off body included), 429 and 5xx, up to
     * `retries` times with back-off. Any other answer that is not a readable list fails at once.
     */
    async listIds(productType, signal) {
        const path = this.routes.ids + (productType ? `?type=${encodeURIComponent(productType)}` : '');
        const shown = `GET ${this.basePath}${this.routes.ids}`;
        const retries = Math.max(0, Math.floor(this.options.retries));
        const cancelled = (attempts) => ({
            ok: false,
            failure: { message: 'cancelled', fatal: false },
            attempts
        });
        for (let attempts = 1;; attempts++) {
            try {
                await this.throttle.waitForPause(signal);
            }
            catch {
                return cancelled(attempts - 1);
            }
            const exchange = await this.exchange('GET', path, undefined, signal, MAX_LISTING_BYTES);
            if (exchange.kind === 'cancelled')
                return cancelled(attempts);
            let failure;
            let retryAfterMs;
            if (exchange.kind === 'error') {
                failure = { message: exchange.reason, fatal: false };
            }
            else {
                const { answer } = exchange;
                const { status } = answer;
                if (status >= 200 && status < 300) {
                    // The IDs as sent (before redaction): they are what gets deleted.
                    const listing = answer.cut
                        ? {
                            ok: false,
                            problem: `the answer is larger than ${MAX_LISTING_BYTES} bytes`
                        }
                        : readIdListing(answer.raw);
                    if (listing.ok)
                        return { ok: true, ids: listing.ids };
                    return {
                        ok: false,
                        failure: { httpStatus: status, message: listing.problem, fatal: false },
                        attempts
                    };
                }
                const refused = this.refusal(answer, shown);
                if (refused.kind !== 'retry')
                    return { ok: false, failure: refused.failure, attempts };
                failure = refused.failure;
                retryAfterMs = refused.retryAfterMs;
            }
            if (attempts > retries)
                return { ok: false, failure, attempts };
            const delay = this.retryDelay(attempts - 1, retryAfterMs);
            const reason = failure.httpStatus === undefined ? failure.message : `${shown}: ${explain(failure)}`;
            this.log(`${reason}; retry ${attempts} of ${retries} in ${client_seconds(delay)}`);
            try {
                await this.sleep(delay, signal);
            }
            catch {
                return cancelled(attempts);
            }
        }
    }
    /** One delete request inside a throttle slot, read into what to do next. */
    async attemptDelete(body, signal, onSend) {
        let release;
        try {
            release = await this.throttle.acquire(signal);
        }
        catch {
            return { kind: 'cancelled' };
        }
        try {
            onSend();
            const exchange = await this.exchange('POST', this.routes.delete, body, signal);
            if (exchange.kind === 'cancelled')
                return exchange;
            if (exchange.kind === 'error') {
                return { kind: 'retry', failure: { message: exchange.reason, fatal: false } };
            }
            return this.readDeleteAnswer(exchange.answer);
        }
        finally {
            // After readDeleteAnswer, so a 429's pause is in force before the slot is handed on.
            release();
        }
    }
    readDeleteAnswer(answer) {
        const { status, body } = answer;
        if (status >= 200 && status < 300) {
            // Read before redacting: a key-like run inside must not hide a task_id.
            const read = answer.cut
                ? { kind: 'invalid', reason: `answer larger than ${MAX_BODY_BYTES} bytes` }
                : readDeleteAnswer(answer.raw, answer.headers.get('content-type'));
            if (read.kind !== 'invalid') {
                this.throttle.onSuccess();
                const taskId = read.kind === 'task' ? { taskId: read.taskId } : {};
                return { kind: 'accepted', ...taskId, counts: read.counts, httpStatus: status, body };
            }
            // Deleting is idempotent, so an answer that accepts nothing is sent again.
            const failure = { httpStatus: status, message: read.reason, fatal: false };
            return { kind: 'retry', failure, body };
        }
        return { ...this.refusal(answer, `POST ${this.basePath}${this.routes.delete}`), body };
    }
    /** A non-2xx answer read by the one HTTP policy: retry (with its wait) or give up. */
    refusal(answer, request) {
        const { status } = answer;
        const policy = (0,http_policy/* classifyStatus */.xo)(status);
        let message;
        if (status === 407)
            message = this.proxyRefusal();
        else if (status >= 300 && status < 400)
            message = redirectMessage(answer, this.apiUrl);
        else
            message = misoMessage(status, answer.body, answer.statusText);
        const failure = {
            httpStatus: status,
            message: this.clean(message),
            fatal: policy === 'stops-run'
        };
        if (policy !== 'retry')
            return { kind: 'final', failure };
        const retryAfterMs = status === 429
            ? this.rateLimited(request, answer)
            : (0,http_policy/* parseRetryAfter */.mu)(answer.headers.get('retry-after'), Date.now());
        return { kind: 'retry', failure, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
    }
    /** Tells the throttle about a 429; returns the Retry-After wait, if any. */
    rateLimited(request, answer) {
        const retryAfterMs = (0,http_policy/* parseRetryAfter */.mu)(answer.headers.get('retry-after'), Date.now());
        this.throttle.onRateLimited(retryAfterMs);
        this.log(`${request}: rate limited (HTTP 429); ${this.throttle.limit} request(s) in flight at most`);
        return retryAfterMs;
    }
    /**
     * Sends one request with its own time-out, also ended by the run's signal. Never throws:
     * network errors and time-outs come back as a redacted reason built from the path only.
     */
    async exchange(method, path, body, signal, limit = MAX_BODY_BYTES) {
        if (signal.aborted)
            return { kind: 'cancelled' };
        const url = this.urlFor(path);
        const shown = `${method} ${this.basePath}${path}`;
        const controller = new AbortController();
        let timedOut = false;
        const onAbort = () => controller.abort();
        signal.addEventListener('abort', onAbort, { once: true });
        const timer = setTimeout(() => {
            timedOut = true;
            controller.abort();
        }, this.options.requestTimeoutMs);
        let reading;
        try {
            const response = await (0,src/* default */.Ay)(url, {
                method,
                headers: this.headers(body !== undefined),
                body,
                agent: this.agent,
                signal: controller.signal,
                // A redirect could carry the key elsewhere, or turn the POST into a GET.
                redirect: 'manual'
            });
            reading = response.status;
            const { text, cut } = await readCapped(response.body, limit);
            return {
                kind: 'answer',
                answer: {
                    status: response.status,
                    statusText: response.statusText,
                    headers: response.headers,
                    body: this.clean(text, false),
                    raw: text,
                    cut
                }
            };
        }
        catch (error) {
            if (signal.aborted)
                return { kind: 'cancelled' };
            if (timedOut) {
                const limit = client_seconds(this.options.requestTimeoutMs);
                const reason = `${shown}: no complete answer within ${limit} (request-timeout)`;
                return { kind: 'error', reason: this.clean(reason) };
            }
            let reason = networkReason(error).split(url).join(`${this.basePath}${path}`);
            if (reading !== undefined)
                reason = `answer cut off after HTTP ${reading}: ${reason}`;
            return { kind: 'error', reason: this.clean(`${shown}: ${reason}`) };
        }
        finally {
            clearTimeout(timer);
            signal.removeEventListener('abort', onAbort);
        }
    }
    urlFor(path) {
        const url = new URL(this.apiUrl + path);
        if (this.options.authMode === 'query')
            url.searchParams.set('api_key', this.options.apiKey);
        return url.href;
    }
    headers(withBody) {
        const headers = {
            Accept: 'application/json',
            'User-Agent': this.userAgent
        };
        if (withBody)
            headers['Content-Type'] = 'application/json';
        if (this.options.authMode === 'header')
            headers['X-API-KEY'] = this.options.apiKey;
        return headers;
    }
    /** 407: the proxy wants (other) credentials, for every request alike. */
    proxyRefusal() {
        const where = this.proxyVariable ?? 'the proxy variable (HTTPS_PROXY / HTTP_PROXY)';
        return `the proxy refused the request (Proxy Authentication Required): check the proxy credentials in ${where}`;
    }
    retryDelay(retryIndex, retryAfterMs) {
        return (0,http_policy/* retryDelay */.a2)(retryIndex, retryAfterMs, this.random);
    }
    /** A delete failure with its request: network reasons name it already, HTTP ones do not. */
    forLog(failure) {
        return failure.httpStatus === undefined
            ? failure.message
            : `POST ${this.basePath}${this.routes.delete}: ${explain(failure)}`;
    }
    /** Redacts secrets and, for messages, cuts overly long text. */
    clean(text, shorten = true) {
        const safe = this.redact(text);
        return shorten && safe.length > MAX_MESSAGE_CHARS
            ? `${safe.slice(0, MAX_MESSAGE_CHARS)}…`
            : safe;
    }
    /** Rare lines that explain a slow run: retries, rate limits, the proxy in use. */
    log(message) {
        this.options.log.info(this.redact(message));
    }
}
function cancelled(message) {
    return { ok: false, failure: { message, fatal: false } };
}
function redirectMessage(answer, apiUrl) {
    const location = answer.headers.get('location');
    let target = 'elsewhere';
    if (location) {
        try {
            const url = new URL(location, apiUrl);
            target = `${url.origin}${url.pathname}`;
        }
        catch {
            target = 'an unreadable location';
        }
    }
    return `redirected to ${target} (HTTP ${answer.status}); set api-url to the API's own address`;
}
const NETWORK_CODES = {
    ECONNRESET: 'connection reset',
    ECONNREFUSED: 'connection refused',
    ECONNABORTED: 'connection aborted',
    EPIPE: 'connection closed while sending',
    ETIMEDOUT: 'connection timed out',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host name lookup failed',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    ERR_STREAM_PREMATURE_CLOSE: 'answer cut off'
};
/** A short reason for a network error, from its code where known. */
function networkReason(error) {
    const code = errorCode(error);
    const known = code ? NETWORK_CODES[code] : undefined;
    if (known)
        return `${known} (${code})`;
    // node-fetch puts the whole URL (with the key, in query mode) before the reason.
    const message = (error instanceof Error ? error.message : String(error)).replace(/^request to .* failed, reason: /s, '');
    return code ? `${message} (${code})` : message;
}
function errorCode(error) {
    for (let e = error; e; e = e.cause) {
        const code = e.code;
        if (typeof code === 'string' && code !== '')
            return code;
    }
    return undefined;
}
/** Reads a body up to `limit` bytes; the rest is dropped (and the connection closed). */
async function readCapped(body, limit) {
    if (!body)
        return { text: '', cut: false };
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        if (size + buffer.length > limit) {
            chunks.push(buffer.subarray(0, limit - size));
            return { text: Buffer.concat(chunks).toString('utf8'), cut: true };
        }
        chunks.push(buffer);
        size += buffer.length;
    }
    return { text: Buffer.concat(chunks).toString('utf8'), cut: false };
}
function explain(failure) {
    return failure.httpStatus !== undefined
        ? `HTTP ${failure.httpStatus}: ${failure.message}`
        : failure.message;
}
function client_seconds(ms) {
    return `${Number((ms / 1000).toFixed(3))} s`;
}

// EXTERNAL MODULE: ./src/plan.ts
var src_plan = __webpack_require__(2464);
;// CONCATENATED MODULE: ./src/report/destinations.ts
// Where the report goes, checked before the first call to Miso: a run that deletes and then
// cannot say what it deleted (no outputs, no ID files) is worse than one that refuses to start.

/**
 * Throws, naming the variable, unless `runnerTemp` is a writable directory and
 * GITHUB_OUTPUT / GITHUB_STEP_SUMMARY, when set, are writable files.
 */
function checkReportDestinations(env, runnerTemp) {
    const problems = [
        problemWith(env.RUNNER_TEMP ? 'RUNNER_TEMP' : 'the temp directory', runnerTemp, 'directory'),
        ...['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY'].map(name => {
            const file = env[name];
            return file ? problemWith(name, file, 'file') : undefined;
        })
    ].filter(problem => problem !== undefined);
    if (problems.length > 0) {
        throw new Error(`The run's report could not be written, so nothing was sent to Miso: ${problems.join('; ')}.`);
    }
}
function problemWith(name, target, kind) {
    let isKind;
    try {
        const stat = (0,external_node_fs_.statSync)(target);
        isKind = kind === 'directory' ? stat.isDirectory() : stat.isFile();
    }
    catch {
        return `${name} (${target}) does not exist`;
    }
    if (!isKind)
        return `${name} (${target}) is not a ${kind}`;
    try {
        (0,external_node_fs_.accessSync)(target, external_node_fs_.constants.W_OK);
    }
    catch {
        return `${name} (${target}) is not writable`;
    }
    return undefined;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/report/plan-files.ts
// The files that hold the whole plan: every unique ID (`ids-path`) and which source gave
// which IDs (`sources-path`). They depend on nothing the deletion does, so they are written
// while it runs: for a million IDs they are tens of megabytes, and written in chunks they
// neither hold up the end of the run nor need the whole text in memory at once.




function sourceEntry(source) {
    return {
        kind: source.kind,
        name: source.name,
        detail: source.detail ?? null,
        count: source.ids.length,
        ids: source.ids
    };
}
/** IDs per chunk: each takes well under a millisecond to build, so requests are not held up. */
const CHUNK_IDS = 10_000;
/**
 * Writes both files into a new directory under `runnerTemp` (empty lists without a plan),
 * every ID and name passed through `redact` first, as every channel's text is.
 */
async function writePlanFiles(plan, runnerTemp, redact) {
    const dir = (0,external_node_fs_.mkdtempSync)(external_node_path_.join(runnerTemp, 'miso-bulk-delete-'));
    const files = {
        dir,
        idsPath: external_node_path_.join(dir, 'ids.txt'),
        sourcesPath: external_node_path_.join(dir, 'sources.json'),
        ids: { unchanged: true, longest: 0 }
    };
    const clean = cleaner(redact, files.ids);
    await writeChunks(files.idsPath, idLines(plan?.ids ?? [], clean));
    await writeChunks(files.sourcesPath, sourcesJson(plan?.sources ?? [], clean, redact));
    return files;
}
/** Redacts a chunk of IDs, keeping count in `seen` of any change and of the longest ID. */
function cleaner(redact, seen) {
    return ids => ids.map(id => {
        const safe = redact(id);
        if (safe !== id)
            seen.unchanged = false;
        if (id.length > seen.longest)
            seen.longest = id.length;
        return safe;
    });
}
/** One ID per line, each line ended by a newline. */
function* idLines(ids, clean) {
    for (let i = 0; i < ids.length; i += CHUNK_IDS) {
        yield `${clean(ids.slice(i, i + CHUNK_IDS)).join('\n')}\n`;
    }
}
/** `[{"kind":…,"name":…,"detail":…,"count":…,"ids":[…]}, …]`, the IDs in chunks. */
function* sourcesJson(sources, clean, redact) {
    yield '[';
    for (const [n, source] of sources.entries()) {
        const { ids, ...entry } = sourceEntry(source);
        const rest = (0,src_redact/* mapStrings */.to)(entry, text => redact(text));
        // The entry without `ids` and its closing brace, then the IDs: the same JSON, in chunks.
        yield `${n > 0 ? ',' : ''}${JSON.stringify(rest).slice(0, -1)},"ids":[`;
        for (let i = 0; i < ids.length; i += CHUNK_IDS) {
            const items = JSON.stringify(clean(ids.slice(i, i + CHUNK_IDS))).slice(1, -1);
            yield i > 0 ? `,${items}` : items;
        }
        yield ']}';
    }
    yield ']';
}
/**
 * Each chunk is built only when the file has taken the one before: one chunk in memory at a
 * time (a stream would read ahead, and chunks held that long outlive the young generation).
 */
async function writeChunks(file, chunks) {
    const handle = await (0,promises_.open)(file, 'w');
    try {
        for (const chunk of chunks)
            await handle.write(chunk);
    }
    finally {
        await handle.close();
    }
}

// EXTERNAL MODULE: ./src/report/run-report.ts
var run_report = __webpack_require__(7330);
;// CONCATENATED MODULE: ./src/report/outputs.ts
// Step outputs and the files behind them. GitHub keeps outputs small, so the
// `ids` and `result` outputs are cut at 256 KiB and the files hold everything.




const OUTPUT_LIMIT = 256 * 1024;
/** IDs per source in the `sources` output; the file has them all. */
const SOURCE_IDS_IN_OUTPUT = 1000;
/** Builds every output value and writes the result file next to the plan's files. */
function buildOutputs(report, files) {
    const ids = report.plan?.ids ?? [];
    const entries = (report.deletion?.batches ?? []).map(toResultEntry);
    const resultPath = external_node_path_.join(files.dir, 'result.json');
    const sources = (report.plan?.sources ?? []).map(sourceEntry);
    (0,external_node_fs_.writeFileSync)(resultPath, JSON.stringify(entries));
    const failed = (0,run_report/* failedIds */.GF)(report);
    const failedIdsPath = failed ? external_node_path_.join(files.dir, 'failed-ids.json') : '';
    if (failed)
        (0,external_node_fs_.writeFileSync)(failedIdsPath, rerunFileText(failed));
    const idsJson = jsonArrayWithin(ids, OUTPUT_LIMIT);
    const sourcesJson = jsonArrayWithin(sources.map(s => ({ ...s, ids: s.ids.slice(0, SOURCE_IDS_IN_OUTPUT) })), OUTPUT_LIMIT);
    const resultJson = jsonArrayWithin(entries, OUTPUT_LIMIT);
    const counts = (0,run_report/* misoCounts */.FC)(report);
    const taskIdsJson = jsonArrayWithin(report.deletion?.taskIds ?? [], OUTPUT_LIMIT);
    return {
        status: report.status,
        count: String(ids.length),
        ids: idsJson.json,
        'ids-truncated': String(idsJson.truncated),
        'ids-path': files.idsPath,
        'task-ids': taskIdsJson.json,
        'task-ids-truncated': String(taskIdsJson.truncated),
        'failed-count': String((0,run_report/* failedCount */.dD)(report)),
        'deleted-count': counts.deleted === undefined ? '' : String(counts.deleted),
        'not-found-count': counts.notFound === undefined ? '' : String(counts.notFound),
        'failed-ids-path': failedIdsPath,
        result: resultJson.json,
        'result-truncated': String(resultJson.truncated),
        'result-path': resultPath,
        sources: sourcesJson.json,
        'sources-truncated': String(sourcesJson.truncated || sources.some(s => s.count > SOURCE_IDS_IN_OUTPUT)),
        'sources-path': files.sourcesPath
    };
}
/**
 * The rerun file (`failed-ids-path`): a JSON array of the IDs exactly as they were sent. The
 * `.json` reader of `ids-file` takes its strings as they are, so a rerun sends the same IDs;
 * one per line would lose white space at the ends, a leading `#` (a comment) and a BOM.
 */
function rerunFileText(ids) {
    return `${JSON.stringify(ids)}\n`;
}
function toResultEntry(batch) {
    const entry = {
        task_id: batch.taskId ?? null,
        count: batch.count,
        status: batch.status,
        response: batch.response ?? null
    };
    if (Object.keys(batch.counts).length > 0)
        entry.counts = batch.counts;
    if (batch.error) {
        entry.error = { http_status: batch.error.httpStatus ?? null, message: batch.error.message };
    }
    return entry;
}
/** A JSON array of as many leading items as fit in `limit` bytes. */
function jsonArrayWithin(items, limit) {
    const parts = [];
    let size = 2; // the brackets
    for (const item of items) {
        const part = JSON.stringify(item);
        const added = Buffer.byteLength(part, 'utf8') + (parts.length > 0 ? 1 : 0);
        if (size + added > limit)
            return { json: `[${parts.join(',')}]`, truncated: true };
        parts.push(part);
        size += added;
    }
    return { json: `[${parts.join(',')}]`, truncated: false };
}

// EXTERNAL MODULE: ./src/report/advice.ts
var report_advice = __webpack_require__(2296);
// EXTERNAL MODULE: ./src/report/links.ts
var links = __webpack_require__(3303);
// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(7994);
;// CONCATENATED MODULE: ./src/main.ts





















async function run(context) {
    const { env, cancellation } = context;
    const started = Date.now();
    const report = { status: 'failed', notes: [], elapsedMs: 0 };
    // Every line, output, file and summary goes through the channel: secrets out first.
    const channel = (0,src_channel.runChannel)(context.input('api-key'), env);
    const log = runLog(channel, report.notes, context.log);
    const phase = phaseIn(context.log);
    let settings;
    let planFiles;
    let errorAt;
    const event = readEvent(env, log);
    report.links = (0,links/* repositoryLinks */.Ay)(env, event);
    try {
        const forced = (branches) => (0,diff_event/* forcedDryRun */.WR)(event.name, event.payload, branches);
        const read = await phase('Inputs', () => {
            const s = getSettings({
                forcedDryRun: forced,
                env,
                getInput: context.input,
                setSecret: context.log.mask
            });
            log.info(describeSettings(s));
            const reason = forced(s.branches);
            if (reason)
                log.notice((0,run_report/* forcedDryRunNotice */.km)(reason));
            for (const warning of settingsWarnings(s))
                log.warning(warning);
            // Before the first call to Miso: a deletion that cannot be reported is worse than none.
            checkReportDestinations(env, s.runnerTemp);
            return s;
        });
        settings = read;
        report.recordType = read.recordType;
        const miso = misoClientOf(read, env, log);
        const { groups, diff, reconcile } = await phase(read.reconcile ? 'Sources: Miso and the repository' : 'Sources and diff', async () => {
            const found = read.reconcile
                ? await reconcileIds(read, miso, cancellation.signal, env, log)
                : await collectIds(read, event, env, log, cancellation.signal);
            for (const g of found.groups)
                log.info(`${(0,src_plan/* describeSource */.B6)(g)}: ${(0,plural/* plural */.L)(g.ids.length, 'ID')}`);
            return found;
        });
        report.diff = diff;
        report.reconcile = reconcile;
        const plan = (0,src_plan/* makePlan */.Cs)(groups, read.batchSize);
        report.plan = plan;
        await phase(planTitle(plan, read.recordType), () => logPlan(plan, log, channel));
        // The plan's files (every ID, every source; tens of megabytes for a million IDs) are
        // written while the deletion runs. A failure is reported with the outputs.
        planFiles = writePlanFiles(plan, read.runnerTemp, channel.redact);
        planFiles.catch(() => undefined);
        await phase(read.dryRun ? 'Deletion: dry run, nothing is sent' : 'Deletion', () => deleteOrPreview(report, plan, read, miso, cancellation.signal, log));
    }
    catch (error) {
        report.status = cancellation.signal.aborted ? 'cancelled' : 'failed';
        report.error = error instanceof Error ? error.message : String(error);
        if (error instanceof commit_files/* UnreadableFileError */.o2)
            report.errorNext = error.next;
        errorAt = annotationOf(error);
    }
    report.elapsedMs = Date.now() - started;
    // The signal handlers stay until the report is out: the runner's SIGTERM follows its
    // SIGINT within seconds and must not kill the process half way through the outputs.
    planFiles ??= writePlanFiles(report.plan, settings?.runnerTemp ?? runnerTempOf(env), channel.redact);
    const { shown, failed } = await publish(report, planFiles, settings?.failOnEmpty ?? false, {
        context,
        channel,
        log,
        errorAt
    });
    // Last, when everything else is out: the comment never delays or fails anything.
    if (settings?.comment) {
        const { updatePullRequestComment } = await __webpack_require__.e(/* import() */ 139).then(__webpack_require__.bind(__webpack_require__, 2139));
        const url = await updatePullRequestComment({
            // Shown to people like the summary: redacted and bounded before the comment escapes it.
            report: shown,
            settings,
            event,
            env,
            signal: cancellation.signal,
            clean: channel.redact,
            log
        });
        if (url)
            context.output('comment-url', channel.redact(url));
    }
    cancellation.dispose();
    return { failed };
}
/** Each phase of the run as a collapsible group of the log. */
function phaseIn(sink) {
    return async (title, work) => {
        sink.startGroup(title);
        try {
            return await work();
        }
        finally {
            sink.endGroup();
        }
    };
}
/** Where a refused ID file is wrong, so the annotation shows on that file and line. */
function annotationOf(error) {
    // Files under RUNNER_TEMP (absolute names) are not in the repository.
    if (!(error instanceof formats/* IdFileError */.mg) || external_node_path_.isAbsolute(error.file))
        return undefined;
    const line = /^line (\d+)/.exec(error.position);
    return {
        title: 'Refused ID file',
        file: error.file,
        ...(line ? { startLine: Number(line[1]) } : {})
    };
}
/** Decides what to do with the plan and, when it is a real run, does it. */
async function deleteOrPreview(report, plan, settings, miso, signal, log) {
    const share = (0,run_report/* deletionShare */.k8)(report);
    const refused = (0,src_plan/* refusal */.x5)(plan, settings.maxDeletions) ??
        (share ? (0,src_plan/* percentRefusal */.c0)(share, settings.maxDeletionsPercent) : undefined);
    // A signal that came while the action loaded or the IDs were read ends the run as cancelled,
    // whatever was found. Node delivers a signal only on an event-loop turn, and a run with inline
    // IDs may not have taken one yet: take one before deciding.
    await new Promise(resolve => setImmediate(resolve));
    if (signal.aborted) {
        report.status = 'cancelled';
    }
    else if (plan.ids.length === 0) {
        report.status = 'empty';
        if (settings.failOnEmpty)
            report.error = 'No IDs were resolved and `fail-on-empty` is true.';
    }
    else if (settings.dryRun) {
        report.status = 'dry-run';
        report.dryRunReason = settings.dryRunReason;
        if (refused)
            log.warning(`When this runs for real it will be refused: ${refused}`);
    }
    else if (refused) {
        report.error = `Refused: ${refused}`;
        report.refused = true;
    }
    else {
        report.deletion = await runDeletion(plan.batches, miso(), {
            concurrency: settings.concurrency,
            wait: settings.wait,
            waitTimeoutMs: settings.waitTimeoutMs,
            pollIntervalMs: settings.pollIntervalMs,
            retries: settings.retries,
            signal,
            log
        });
        report.status = report.deletion.status;
        const notFound = (0,run_report/* notFoundWarning */.GD)(report);
        if (notFound)
            log.warning(notFound);
    }
}
/**
 * The client for Miso, made when first needed (a dry run makes none, a reconcile makes it
 * for the listing): it throws for unusable proxy settings.
 */
function misoClientOf(settings, env, log) {
    let client;
    return () => (client ??= new MisoClient({
        apiUrl: settings.apiUrl,
        apiKey: settings.apiKey,
        authMode: settings.authMode,
        recordType: settings.recordType,
        retries: settings.retries,
        requestTimeoutMs: settings.requestTimeoutMs,
        concurrency: settings.concurrency,
        env,
        log
    }));
}
/** Reconcile mode: what Miso lists and the repository no longer names (see reconcile/). */
async function reconcileIds(settings, miso, signal, env, log) {
    const { resolveReconcileIds } = await Promise.all(/* import() */[__webpack_require__.e(722), __webpack_require__.e(939), __webpack_require__.e(800)]).then(__webpack_require__.bind(__webpack_require__, 9800));
    const { groups, info } = await resolveReconcileIds(settings, miso(), signal, env, log);
    return { groups, reconcile: info };
}
/** Every source the inputs name, in a fixed order: inline, files, then the diff. */
async function collectIds(settings, event, env, log, signal) {
    const groups = [];
    const inline = parseInlineIds(settings.productIds);
    const spaced = whiteSpaceWarning(inline);
    if (spaced)
        log.warning(spaced);
    if (inline.length > 0)
        groups.push({ kind: 'inline', name: 'product-ids', ids: inline });
    if (settings.idsFiles.length > 0) {
        const { idsFiles, workspace, idField, runnerTemp } = settings;
        groups.push(...(await (0,files/* readIdFiles */.V)(idsFiles, workspace, idField, runnerTemp, { notes: log })));
    }
    if (settings.deletedPaths.length === 0 && settings.idListFiles.length === 0) {
        if (groups.length === 0)
            log.notice('No ID source was given (`product-ids`, `ids-file`, `deleted-paths` or `id-list-files`).');
        return { groups };
    }
    // Loaded only when needed: git, the REST client and YAML are most of the bundle's start-up.
    const { resolveDiffIds } = await Promise.all(/* import() */[__webpack_require__.e(722), __webpack_require__.e(939), __webpack_require__.e(120)]).then(__webpack_require__.bind(__webpack_require__, 1120));
    const diff = await resolveDiffIds(settings, event, env, log, signal);
    for (const notice of diff.notices)
        log.notice(notice);
    for (const warning of diff.warnings)
        log.warning(warning);
    groups.push(...diff.groups);
    return {
        groups,
        diff: {
            base: diff.base,
            head: diff.head,
            result: diff.result,
            via: diff.via,
            kept: diff.kept,
            skipped: diff.skipped,
            share: diff.share
        }
    };
}
function readEvent(env, log) {
    const name = env.GITHUB_EVENT_NAME ?? '';
    const file = env.GITHUB_EVENT_PATH;
    if (!file)
        return { name, payload: {} };
    try {
        return { name, payload: JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8')) };
    }
    catch (error) {
        log.warning(`Could not read the event payload: ${error.message}`);
        return { name, payload: {} };
    }
}
/** What this run will do, in one line of the log (never the key). */
function describeSettings(s) {
    const waiting = !s.wait
        ? 'no wait for the tasks'
        : s.waitTimeoutMs === 0
            ? 'waiting for the tasks without a time limit'
            : `waiting up to ${s.waitTimeoutMs / 1000} s for the tasks`;
    const mode = s.dryRun ? 'Dry run, nothing is sent to Miso' : `Deleting through ${s.apiUrl}`;
    return `${mode}: batches of ${s.batchSize}, ${s.concurrency} at once, ${waiting}.`;
}
/** The plan in one line: the title of its group in the log. */
function planTitle(plan, recordType) {
    const what = recordType === 'users' ? 'unique user ID' : 'unique ID';
    return `Plan: ${(0,plural/* plural */.L)(plan.ids.length, what)} from ${(0,plural/* plural */.L)(plan.sources.length, 'source')}, in ${(0,plural/* plural */.L)(plan.batches.length, 'batch', 'batches')}`;
}
function logPlan(plan, log, channel) {
    const { ids } = plan;
    if (ids.length === 0)
        return;
    // One line per ID, each made safe on its own: an ID is data and must not become a command.
    const shown = ids.slice(0, 1000);
    log.infoLines(shown.map(id => channel.value(id)));
    if (ids.length > shown.length) {
        log.info(`… and ${(0,plural/* plural */.L)(ids.length - shown.length, 'more ID')} (see ids-path).`);
    }
}
/**
 * Outputs, summary and the step's result: written for every run, failed ones too. Gives the
 * report as shown to people (redacted and bounded), for the comment, and whether the step fails.
 */
async function publish(report, planFiles, failOnEmpty, to) {
    const { context, channel, log } = to;
    const files = await planFiles.then(written => ({ written }), (error) => ({ error }));
    // Writing the plan's files redacted every ID already: what it found spares another pass.
    const checked = 'written' in files && report.plan
        ? { lists: (0,src_plan/* idLists */.jN)(report.plan), ...files.written.ids }
        : undefined;
    const redacted = channel.redacted(report, checked);
    const shown = channel.shown(redacted, checked);
    // Each channel on its own: a missing output file must not also cost the summary.
    let unwritten;
    try {
        if ('error' in files)
            throw files.error;
        const outputs = buildOutputs(redacted, files.written);
        for (const [name, value] of Object.entries(outputs))
            context.output(name, value);
    }
    catch (error) {
        unwritten = `The step outputs could not be written: ${error.message}`;
    }
    context.log.startGroup('Report');
    try {
        await context.summary((0,summary/* renderSummary */.Br)(shown));
    }
    catch (error) {
        // No summary file (e.g. a local run): the log and outputs still tell everything.
        log.debug(`No job summary written: ${error.message}`);
    }
    context.log.endGroup();
    log.info(`Status: ${report.status}; IDs: ${report.plan?.ids.length ?? 0}; tasks: ${report.deletion?.taskIds.length ?? 0}; failed IDs: ${(0,run_report/* failedCount */.dD)(report)}.`);
    const fails = (0,run_report/* stepFails */.ug)(report, failOnEmpty);
    if (fails) {
        // The one error annotation says what went wrong and what to do next.
        const advice = (0,report_advice/* adviceFor */.c)(report);
        const message = report.errorNext === undefined && report.error !== undefined
            ? report.error
            : advice
                ? (0,report_advice/* failureLine */.P)(advice)
                : `Miso bulk delete ${report.status}.`;
        log.error(message, to.errorAt);
    }
    if (unwritten)
        log.error(unwritten);
    return { shown, failed: fails || unwritten !== undefined };
}


/***/ }),

/***/ 9754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mf: () => (/* binding */ abortableSleep),
/* harmony export */   X5: () => (/* binding */ Throttle)
/* harmony export */ });
/* unused harmony exports BASE_PAUSE_MS, MAX_PAUSE_MS */
// One adaptive limiter shared by every worker of a run. Miso documents no rate limit, so
// the run starts at the configured concurrency and backs off together when told to slow
// down: a 429 halves the requests in flight and pauses everyone, and the limit climbs back
// one slot at a time after a run of successes.
/** First shared pause after a 429 without Retry-After; doubles while 429s keep coming. */
const BASE_PAUSE_MS = 1000;
const MAX_PAUSE_MS = 60_000;
/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
const abortableSleep = (ms, signal) => new Promise((resolve, reject) => {
    if (signal.aborted)
        return reject(signal.reason);
    const onAbort = () => {
        clearTimeout(timer);
        reject(signal.reason);
    };
    const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
});
class Throttle {
    startLimit;
    current;
    inFlight = 0;
    waiters = [];
    pausedUntil = 0;
    pauseMs = BASE_PAUSE_MS;
    successes = 0;
    now;
    sleep;
    constructor(limit, options = {}) {
        this.startLimit = Math.max(1, Math.floor(limit));
        this.current = this.startLimit;
        this.now = options.now ?? Date.now;
        this.sleep = options.sleep ?? abortableSleep;
    }
    /** Requests allowed in flight now. */
    get limit() {
        return this.current;
    }
    /**
     * Waits out any shared pause and then for a free slot (first come, first served).
     * Returns the function that gives the slot back; calling it twice is harmless.
     * Rejects with the signal's reason when the signal aborts first.
     */
    async acquire(signal) {
        const served = { until: 0 };
        let head = false;
        try {
            for (;;) {
                // From the pause check to taking the slot nothing awaits, so a 429 reported in
                // between cannot be missed.
                signal.throwIfAborted();
                const pause = this.pauseToServe(served);
                if (pause > 0) {
                    await this.sleep(pause, signal);
                    continue;
                }
                if (this.inFlight < this.current && (head || this.waiters.length === 0)) {
                    this.inFlight++;
                    return this.releaser();
                }
                await this.queue(signal, head);
                head = true;
            }
        }
        catch (error) {
            // A woken waiter that gives up must pass its turn on.
            if (head)
                this.wakeNext();
            throw error;
        }
    }
    /** Waits out any shared pause, without taking a slot (for requests limited elsewhere). */
    async waitForPause(signal) {
        const served = { until: 0 };
        for (;;) {
            signal.throwIfAborted();
            const pause = this.pauseToServe(served);
            if (pause <= 0)
                return;
            await this.sleep(pause, signal);
        }
    }
    /**
     * Slows everyone down: halves the limit (at least 1) and pauses all new requests until
     * now + max(retryAfterMs, the current pause), and the next pause will be twice as long.
     * 429s that arrive during a pause answer requests sent before it: they neither halve again
     * nor add the back-off again, only their own Retry-After can lengthen the pause.
     */
    onRateLimited(retryAfterMs) {
        const now = this.now();
        const paused = now < this.pausedUntil;
        const backOff = paused ? 0 : this.pauseMs;
        const pause = Math.min(MAX_PAUSE_MS, Math.max(retryAfterMs ?? 0, backOff));
        this.pausedUntil = Math.max(this.pausedUntil, now + pause);
        if (!paused) {
            this.current = Math.max(1, Math.floor(this.current / 2));
            this.pauseMs = Math.min(MAX_PAUSE_MS, this.pauseMs * 2);
        }
        this.successes = 0;
    }
    /** Recovers slowly: one more slot after 2x the current limit successes in a row. */
    onSuccess() {
        if (this.current >= this.startLimit) {
            this.pauseMs = BASE_PAUSE_MS;
            return;
        }
        this.successes++;
        if (this.successes >= 2 * this.current) {
            this.current++;
            this.successes = 0;
            this.pauseMs = Math.max(BASE_PAUSE_MS, this.pauseMs / 2);
            this.wakeNext();
        }
    }
    /**
     * How long to sleep for the pause in force, or 0. Each pause is served once per caller
     * (`served`), so a sleep that wakes a little early, or an injected one that does not move
     * the clock, cannot spin.
     */
    pauseToServe(served) {
        const until = this.pausedUntil;
        const wait = until - this.now();
        if (wait <= 0 || served.until >= until)
            return 0;
        served.until = until;
        return wait;
    }
    queue(signal, front) {
        return new Promise((resolve, reject) => {
            const waiter = {
                wake: () => {
                    signal.removeEventListener('abort', onAbort);
                    resolve();
                }
            };
            const onAbort = () => {
                const index = this.waiters.indexOf(waiter);
                if (index >= 0)
                    this.waiters.splice(index, 1);
                reject(signal.reason);
            };
            if (front)
                this.waiters.unshift(waiter);
            else
                this.waiters.push(waiter);
            signal.addEventListener('abort', onAbort, { once: true });
        });
    }
    releaser() {
        let released = false;
        return () => {
            if (released)
                return;
            released = true;
            this.inFlight--;
            this.wakeNext();
        };
    }
    wakeNext() {
        if (this.inFlight < this.current)
            this.waiters.shift()?.wake();
    }
}


/***/ }),

/***/ 6248:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ pathPatterns)
/* harmony export */ });
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_0__);
// The one pattern rule of `ids-file`, `deleted-paths` and `id-list-files`: one pattern per
// line, a leading `!` excludes, and a path is chosen when it matches at least one plain
// pattern and no `!` pattern (so a list of only `!` patterns chooses nothing).
//
// Dialect (picomatch): `*` any characters but `/`, `**` any number of folders, `?`, `[...]`,
// `{a,b}`. Dot files and folders match like any other, as in a workflow's `paths:` filter.
// Paths are repository- or workspace-relative with `/` separators; a leading `./` is ignored.

// `s`: a wildcard matches a newline in a file name too; `windows: false`: `\` is never a separator.
const OPTIONS = { dot: true, flags: 's', windows: false };
/** Throws naming `input` for a `!` that excludes nothing. */
function pathPatterns(patterns, input) {
    const plain = [];
    const excluded = [];
    for (const raw of patterns) {
        const pattern = raw.trim();
        if (pattern === '')
            continue;
        if (pattern.startsWith('!')) {
            const rest = withoutDotSlash(pattern.slice(1).trim());
            if (rest === '')
                throw new Error(`${input}: "${pattern}" names nothing to leave out`);
            excluded.push(rest);
        }
        else {
            plain.push(withoutDotSlash(pattern));
        }
    }
    const each = new Map(plain.map(p => [p, picomatch__WEBPACK_IMPORTED_MODULE_0___default()(p, OPTIONS)]));
    const anyPlain = plain.length > 0 ? picomatch__WEBPACK_IMPORTED_MODULE_0___default()(plain, OPTIONS) : () => false;
    const anyExcluded = excluded.length > 0 ? picomatch__WEBPACK_IMPORTED_MODULE_0___default()(excluded, OPTIONS) : () => false;
    return {
        plain,
        excluded,
        chooses: path => anyPlain(path) && !anyExcluded(path),
        excludes: path => anyExcluded(path),
        matchesPlain: (pattern, path) => each.get(pattern)?.(path) ?? false
    };
}
function withoutDotSlash(pattern) {
    return pattern.replace(/^(?:\.\/)+/, '');
}


/***/ }),

/***/ 2464:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B6: () => (/* binding */ describeSource),
/* harmony export */   C: () => (/* binding */ shareMayBeRefused),
/* harmony export */   Cs: () => (/* binding */ makePlan),
/* harmony export */   MT: () => (/* binding */ DIFF_SHARE_LEAST),
/* harmony export */   c0: () => (/* binding */ percentRefusal),
/* harmony export */   jN: () => (/* binding */ idLists),
/* harmony export */   x5: () => (/* binding */ refusal)
/* harmony export */ });
/* unused harmony exports PlanError, firstOccurrences, toBatches */
/* harmony import */ var _plural_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9133);

class PlanError extends Error {
    name = 'PlanError';
}
function makePlan(groups, batchSize) {
    const all = concatenated(groups);
    const found = firstOccurrences(all);
    if (typeof found === 'number') {
        const { group, id } = locate(groups, found);
        throw new PlanError(`${describeSource(group)} gave the ID ${JSON.stringify(id)}, which is empty or holds control characters.`);
    }
    const ids = new Array(found.unique);
    const sources = [];
    let at = 0;
    let next = 0;
    for (const group of groups) {
        let added = 0;
        for (let end = at + group.ids.length; at < end; at++) {
            if (found.first[at] === 1) {
                ids[next++] = all[at];
                added++;
            }
        }
        sources.push({
            kind: group.kind,
            name: group.name,
            detail: group.detail,
            found: group.ids.length,
            added,
            ids: group.ids
        });
    }
    return { ids, sources, duplicates: all.length - ids.length, batches: toBatches(ids, batchSize) };
}
/** Every list of IDs the plan holds: the unique IDs, each source's, each batch's. */
function idLists(plan) {
    return [plan.ids, ...plan.sources.map(s => s.ids), ...plan.batches];
}
function concatenated(groups) {
    if (groups.length === 1)
        return groups[0].ids;
    const all = new Array(groups.reduce((n, g) => n + g.ids.length, 0));
    let at = 0;
    for (const group of groups)
        for (const id of group.ids)
            all[at++] = id;
    return all;
}
function locate(groups, index) {
    let at = index;
    for (const group of groups) {
        if (at < group.ids.length)
            return { group, id: group.ids[at] };
        at -= group.ids.length;
    }
    throw new RangeError(`no ID at ${index}`);
}
/** IDs per bucket that firstOccurrences() aims for: its table then fits in the CPU cache. */
const BUCKET_IDS = 2048;
const MAX_BUCKET_BITS = 16;
/**
 * Marks the first occurrence of each distinct ID (`first[i]` is 1), or returns the index of
 * the first ID that is empty or holds control characters (C0, C1, or the Unicode line and
 * paragraph separators): those almost always mean a broken
 * file (a stray CR, a binary blob) rather than a real product, and would break the
 * one-ID-per-line file.
 *
 * A Set does the same, but on a million IDs it spends most of its time growing and
 * rehashing, and one table sized for all IDs is slow too: every lookup lands somewhere
 * random in megabytes of memory. So the IDs are hashed once (FNV-1a over UTF-16 code units),
 * sorted into buckets by the hash's top bits, and each bucket is checked with a small table.
 */
function firstOccurrences(ids) {
    const n = ids.length;
    const hashes = new Int32Array(n);
    let bits = 1;
    while (bits < MAX_BUCKET_BITS && n >> bits > BUCKET_IDS)
        bits++;
    const shift = 32 - bits;
    const buckets = 1 << bits;
    // starts[b]..starts[b + 1] is bucket b's range in `order`.
    const starts = new Int32Array(buckets + 1);
    for (let k = 0; k < n; k++) {
        const id = ids[k];
        let hash = 0x811c9dc5;
        let control = id.length === 0;
        for (let i = 0; i < id.length; i++) {
            const c = id.charCodeAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029)
                control = true;
            hash = Math.imul(hash ^ c, 0x01000193);
        }
        if (control)
            return k;
        hashes[k] = hash;
        starts[(hash >>> shift) + 1]++;
    }
    let largest = 0;
    for (let b = 0; b < buckets; b++) {
        largest = Math.max(largest, starts[b + 1]);
        starts[b + 1] += starts[b];
    }
    // Each bucket's IDs in their original order, so the first of equal IDs is met first.
    const order = new Int32Array(n);
    const fill = starts.slice(0, buckets);
    for (let k = 0; k < n; k++)
        order[fill[hashes[k] >>> shift]++] = k;
    let size = 16;
    while (size < largest * 2)
        size *= 2;
    const mask = size - 1;
    const slots = new Int32Array(size);
    const first = new Uint8Array(n);
    let unique = 0;
    for (let b = 0; b < buckets; b++) {
        slots.fill(-1);
        for (let o = starts[b]; o < starts[b + 1]; o++) {
            const k = order[o];
            const hash = hashes[k];
            for (let slot = hash & mask;; slot = (slot + 1) & mask) {
                const at = slots[slot];
                if (at === -1) {
                    slots[slot] = k;
                    first[k] = 1;
                    unique++;
                    break;
                }
                if (hashes[at] === hash && ids[at] === ids[k])
                    break;
            }
        }
    }
    return { first, unique };
}
function toBatches(items, size) {
    const batches = [];
    for (let i = 0; i < items.length; i += size)
        batches.push(items.slice(i, i + size));
    return batches;
}
/** The reason to refuse the run before any call, if there is one. */
function refusal(plan, maxDeletions) {
    if (maxDeletions > 0 && plan.ids.length > maxDeletions) {
        return (`${(0,_plural_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .L)(plan.ids.length, 'ID was', 'IDs were')} resolved, more than \`max-deletions\` (${maxDeletions}). ` +
            'Nothing was deleted. Check the sources below; raise `max-deletions` (0 means no limit) if this is intended.');
    }
    return undefined;
}
/** A diff source's guard applies from this many IDs at base on: below it, one ID is 5%. */
const DIFF_SHARE_LEAST = 20;
/**
 * Whether `count` IDs can be refused by `max-deletions-percent` in a set of at least `least`
 * IDs, so counting the set is worth it.
 */
function shareMayBeRefused(count, maxPercent, least) {
    return maxPercent > 0 && count * 100 > maxPercent * least;
}
/** The refusal for a deletion larger than `max-deletions-percent` of its set, if it is. */
function percentRefusal(share, maxPercent) {
    const { count, of } = share;
    if (maxPercent === 0 || count === 0 || of < Math.max(share.least, 1))
        return undefined;
    if (count * 100 <= maxPercent * of)
        return undefined;
    return (`${share.by} would delete ${count} of the ${of} ${share.set} (${((count * 100) / of).toFixed(1)}%), ` +
        `more than \`max-deletions-percent\` (${maxPercent}%). Nothing was deleted. ` +
        `${share.check}; raise \`max-deletions-percent\` (0 means no limit) if this is intended, ` +
        'or run the workflow by hand with `dry-run: true` to see the plan first.');
}
function describeSource(group) {
    switch (group.kind) {
        case 'inline':
            return 'Input `product-ids`';
        case 'file':
            return `ID file ${group.name}`;
        case 'deleted-path':
            return `Content file ${group.name}`;
        case 'id-list':
            return `ID list ${group.name}`;
        case 'reconcile':
            return `Miso listing ${group.name}`;
    }
}


/***/ }),

/***/ 9133:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ plural)
/* harmony export */ });
// Counts in messages: "1 ID", "2 IDs", "1 batch", "3 batches". Every message that counts
// something says it this way.
/** `n` and the noun, singular for exactly 1; `many` defaults to the noun plus `s`. */
function plural(n, one, many = `${one}s`) {
    return `${n} ${n === 1 ? one : many}`;
}


/***/ }),

/***/ 2296:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ failureLine),
/* harmony export */   c: () => (/* binding */ adviceFor)
/* harmony export */ });
/* harmony import */ var _plural_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9133);

const RERUN = 'Running the same input again is safe: deleting is idempotent.';
/** The cause and the next step of a run that failed, or undefined when it did not fail. */
function adviceFor(report) {
    const batches = report.deletion?.batches ?? [];
    if (report.refused) {
        return {
            cause: report.error ?? 'Refused',
            next: 'Nothing was sent to Miso, and there is nothing to retry: no rerun file was written. Check the sources; if the deletion is intended, raise the limit named above.'
        };
    }
    if (report.error !== undefined && !report.deletion) {
        return {
            cause: report.error,
            next: report.errorNext ??
                'Nothing was sent to Miso. Fix what the error above names, then run again.'
        };
    }
    if (report.status === 'cancelled') {
        return {
            cause: 'The workflow was cancelled',
            next: `Batches Miso accepted before that may still be deleted (see Tasks). ${RERUN}`
        };
    }
    const keyRefused = batches.find(b => b.error?.httpStatus === 401 || b.error?.httpStatus === 403);
    if (keyRefused) {
        return {
            cause: `Miso refused the API key (HTTP ${keyRefused.error?.httpStatus})`,
            next: 'Check the secret passed as `api-key`, and that `api-url` is the Miso environment it belongs to. No further batch was sent.'
        };
    }
    // A status poll's 404 only means "not registered yet", so a batch failed with 404 got it
    // from the delete request.
    if (batches.some(b => b.status === 'failed' && b.error?.httpStatus === 404)) {
        return {
            cause: 'No Miso API at `api-url` (HTTP 404 on the delete request)',
            next: 'Check `api-url`: it is the base URL, such as `https://api.askmiso.com`, without `/v1`.'
        };
    }
    const failed = batches.filter(b => b.status === 'failed');
    if (failed.length > 0) {
        return {
            cause: `${(0,_plural_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .L)(failed.length, 'batch', 'batches')} of ${batches.length} failed, first: ${failureText(failed[0])}`,
            next: `See Errors for each batch's answer from Miso. ${RERUN}`
        };
    }
    if (report.status === 'timed-out') {
        const unsent = batches.filter(b => b.status === 'not-sent').length;
        const open = batches.filter(b => b.status === 'timed-out').length;
        const waited = report.deletion?.stoppedBy ?? '`wait-timeout`';
        return {
            cause: `Miso did not confirm ${(0,_plural_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .L)(open, 'batch', 'batches')} within the ${waited}${unsent > 0 ? `, and ${(0,_plural_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .L)(unsent, 'batch was', 'batches were')} never sent` : ''}`,
            next: `Miso probably accepted the batches it was sent and is still deleting them. Raise \`wait-timeout\` (0 means no limit) for runs this large. ${RERUN}`
        };
    }
    if (report.error !== undefined) {
        return { cause: report.error, next: RERUN };
    }
    return undefined;
}
/** The one line the failing annotation says. */
function failureLine(advice) {
    return `${advice.cause.replace(/\.$/, '')}. ${advice.next}`;
}
function failureText(batch) {
    const status = batch.error?.httpStatus !== undefined ? `HTTP ${batch.error.httpStatus}: ` : '';
    return `${status}${batch.error?.message ?? 'no answer'}`;
}


/***/ }),

/***/ 3303:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ay: () => (/* binding */ repositoryLinks),
/* harmony export */   _n: () => (/* binding */ pullLink),
/* harmony export */   wn: () => (/* binding */ commitLink),
/* harmony export */   yM: () => (/* binding */ compareLink)
/* harmony export */ });
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8301);
// Links the job summary can make to GitHub: commits, the compare view and the pull request.
// Built only from a well-formed GITHUB_SERVER_URL and GITHUB_REPOSITORY, so a link never
// carries text from anywhere else.

const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** The repository's links, or undefined when the runner's variables are missing or odd. */
function repositoryLinks(env, event) {
    const server = env.GITHUB_SERVER_URL ?? '';
    const repository = env.GITHUB_REPOSITORY ?? '';
    if (!REPOSITORY.test(repository) || repository.split('/').some(part => /^\.+$/.test(part))) {
        return undefined;
    }
    let url;
    try {
        url = new URL(server);
    }
    catch {
        return undefined;
    }
    const plain = !url.username && !url.password && !url.search && !url.hash;
    if (!plain || !['https:', 'http:'].includes(url.protocol) || url.pathname !== '/') {
        return undefined;
    }
    const links = { url: `${url.origin}/${repository}` };
    if (event.name === 'pull_request' || event.name === 'pull_request_target') {
        const number = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .objectOrEmpty */ .YN)((0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .objectOrEmpty */ .YN)(event.payload).pull_request).number;
        if (typeof number === 'number' && Number.isSafeInteger(number) && number > 0) {
            links.pullNumber = number;
        }
    }
    return links;
}
/** A commit as its short SHA linked to GitHub, or the text as it is when it is not a SHA. */
function commitLink(links, sha) {
    if (!links || !SHA.test(sha))
        return undefined;
    return `[${sha.slice(0, 7)}](${links.url}/commit/${sha})`;
}
/** GitHub's compare view of base...head, when both are SHAs. */
function compareLink(links, base, head) {
    if (!links || !SHA.test(base) || !SHA.test(head))
        return undefined;
    return `[compare](${links.url}/compare/${base}...${head})`;
}
/** The pull request, linked. */
function pullLink(links) {
    if (links?.pullNumber === undefined)
        return undefined;
    return `[#${links.pullNumber}](${links.url}/pull/${links.pullNumber})`;
}


/***/ }),

/***/ 4285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   be: () => (/* binding */ mdMessage),
/* harmony export */   hD: () => (/* binding */ allEntities),
/* harmony export */   hd: () => (/* binding */ unlinked),
/* harmony export */   js: () => (/* binding */ htmlText),
/* harmony export */   rX: () => (/* binding */ mdValue)
/* harmony export */ });
// Untrusted text (IDs, paths, Miso's messages, our messages that quote them) placed in
// Markdown: the job summary and the pull request comment. Only what could change the
// structure is escaped, so the raw text stays readable; the rest is kept as it is.
// Runs after the redactor (channel.ts): it never sees a secret it could split.
//
// - `<`, `>` and an `&` that would start an entity become entities: no HTML, no entity read.
// - `|` becomes `&#124;`, which never splits a table cell (a backslash before it could).
// - Line breaks and other control characters become spaces: one text, one line.
// - `\`, `*`, `[`, `]`, `~~`, and `_` at a word's edge are backslash-escaped: no emphasis,
//   link or image made of data.
// - A leading `#`, `-`, `+`, `=`, `1.` / `1)` or white space is escaped: a text that starts
//   a line or list item never becomes a heading, list, rule or code block.
// - Backticks: in a value (an ID, a path) each becomes `&#96;`. In a message, a pair around
//   plain text (`dry-run`) is kept as code; any other backtick becomes `&#96;`.
/** A value (an ID, a file name, a task ID): shown exactly as it is. */
function mdValue(text) {
    return leading(inline(text).replace(/`/g, '&#96;'));
}
/** A message: like a value, but `code` spans around plain text are kept. */
function mdMessage(text) {
    // split() with a capture group: odd indexes are the code spans' contents.
    const parts = oneLine(text).split(CODE_SPAN);
    const out = parts.map((part, i) => i % 2 === 1 ? `\`${part}\`` : inline(part).replace(/`/g, '&#96;'));
    return leading(out.join(''));
}
/**
 * Every character Markdown or HTML could read as structure as an entity, line breaks as a
 * space: for text the pull request comment puts inside HTML elements (`<code>`), where a
 * backslash escape would show as it is.
 */
function allEntities(text) {
    return oneLine(text).replace(/[&<>"'`|\\*_[\]#~!()-]/g, c => `&#${c.charCodeAt(0)};`);
}
/**
 * A word joiner (U+2060, invisible) after each `www` before a dot, each `:` before `//` and
 * each `@`: GitHub makes autolinks of `www.x.y`, `https://x.y` and `a@b.c` even inside
 * `<code>` (and mentions of `@name` outside it), so untrusted text in a comment links to
 * nowhere and no one.
 */
function unlinked(text) {
    return text.replace(/www(?=\.)|:(?=\/\/)|@/gi, '$&\u2060');
}
/** Text inside `<pre>`: Markdown is not read there, only HTML. */
function htmlText(text) {
    return text.replace(/[&<>]/g, c => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}
/**
 * A code span whose content needs no escaping (code spans show their content raw): no
 * backtick, no character escaped below, not starting or ending with a space.
 */
const CODE_SPAN = /`([^`\s&<>|\\](?:[^`&<>|\\]*[^`\s&<>|\\])?)`/;
function inline(text) {
    return oneLine(text)
        .replace(/[\\*[\]]/g, c => `\\${c}`)
        .replace(/~~/g, '\\~\\~')
        .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
        .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\|/g, '&#124;');
}
/** Line breaks and other control characters as spaces. */
function oneLine(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
}
/** Escapes what would make a text that starts a line into a block of its own. */
function leading(text) {
    return text
        .replace(/^\s+/, spaces => '&#32;'.repeat(spaces.length))
        .replace(/^([#+=-])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2');
}


/***/ }),

/***/ 7330:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FC: () => (/* binding */ misoCounts),
/* harmony export */   GD: () => (/* binding */ notFoundWarning),
/* harmony export */   GF: () => (/* binding */ failedIds),
/* harmony export */   dD: () => (/* binding */ failedCount),
/* harmony export */   k8: () => (/* binding */ deletionShare),
/* harmony export */   km: () => (/* binding */ forcedDryRunNotice),
/* harmony export */   ug: () => (/* binding */ stepFails)
/* harmony export */ });
/* harmony import */ var _diff_event_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8679);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2464);


/**
 * The notice a forced dry run gives in the log. The summary says the reason in its headline
 * instead, so it leaves this note out.
 */
function forcedDryRunNotice(reason) {
    return `Dry run forced: ${reason}.`;
}
/** The run's deletion as a share of its set, for `max-deletions-percent`: reconcile or a diff. */
function deletionShare(report) {
    const { reconcile, diff } = report;
    if (reconcile) {
        return {
            count: reconcile.deleteCount,
            of: reconcile.misoCount,
            set: `${reconcile.recordType} Miso lists`,
            by: 'Reconcile',
            least: 1,
            check: `The repository names ${reconcile.repositoryCount} IDs: check that every source of them is given`
        };
    }
    if (!diff?.share)
        return undefined;
    const base = (0,_diff_event_js__WEBPACK_IMPORTED_MODULE_0__/* .short */ .h0)(diff.base);
    return {
        count: diff.share.deleting,
        of: diff.share.named,
        set: `IDs that matching files named at ${base}`,
        by: 'The change',
        least: _plan_js__WEBPACK_IMPORTED_MODULE_1__/* .DIFF_SHARE_LEAST */ .MT,
        check: `Check the change ${base}..${(0,_diff_event_js__WEBPACK_IMPORTED_MODULE_0__/* .short */ .h0)(diff.head)}: a file emptied or cut short by an export or a merge deletes every ID it named`
    };
}
/** Whether the step must fail for this report. */
function stepFails(report, failOnEmpty) {
    if (report.error)
        return true;
    switch (report.status) {
        case 'failed':
        case 'timed-out':
        case 'cancelled':
            return true;
        case 'empty':
            return failOnEmpty;
        default:
            return false;
    }
}
function misoCounts(report) {
    const counts = {};
    for (const batch of report.deletion?.batches ?? []) {
        const { deleted, not_found: notFound } = batch.counts;
        if (deleted !== undefined)
            counts.deleted = (counts.deleted ?? 0) + deleted;
        if (notFound !== undefined)
            counts.notFound = (counts.notFound ?? 0) + notFound;
    }
    return counts;
}
/**
 * A warning when Miso did not find at least half of the IDs it counted: most often the IDs
 * are wrong (another field, another catalog) or the records are of the other `record-type`.
 */
function notFoundWarning(report) {
    const { deleted = 0, notFound = 0 } = misoCounts(report);
    if (notFound === 0 || notFound * 2 < deleted + notFound)
        return undefined;
    const type = report.recordType ?? 'products';
    return (`Miso did not find ${notFound} of the ${deleted + notFound} ${type} it counted. ` +
        `Check that the IDs are the ones Miso knows and that \`record-type\` (${type}) names the records they belong to.`);
}
/**
 * The IDs behind `failed-count`: every batch not `succeeded` (nor, without waiting,
 * `submitted`), or every planned ID when the run stopped before sending any (a cancellation).
 * Undefined when the run never set out to delete (no plan, a dry run, a guard's refusal).
 */
function failedIds(report) {
    const { deletion, plan } = report;
    if (!plan)
        return undefined;
    if (!deletion)
        return failedCount(report) > 0 ? plan.ids : undefined;
    return deletion.batches
        .filter(b => b.status !== 'succeeded' && b.status !== 'submitted')
        .flatMap(b => plan.batches[b.index]);
}
/**
 * IDs not confirmed deleted (or, without waiting, not accepted). IDs a guard refused were never
 * set out to delete: a refusal is not a failure to retry, so they are not counted.
 */
function failedCount(report) {
    if (report.deletion)
        return report.deletion.failedCount;
    if (report.refused || report.status === 'dry-run' || report.status === 'empty')
        return 0;
    return report.plan?.ids.length ?? 0;
}


/***/ }),

/***/ 7994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Br: () => (/* binding */ renderSummary),
/* harmony export */   gM: () => (/* binding */ formatCounts),
/* harmony export */   kb: () => (/* binding */ ICON)
/* harmony export */ });
/* unused harmony exports SUMMARY_LIMIT, numberRanges */
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2464);
/* harmony import */ var _advice_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2296);
/* harmony import */ var _plural_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9133);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4285);
/* harmony import */ var _run_report_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7330);
/* harmony import */ var _links_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3303);






/** GitHub refuses step summaries over 1 MiB; keep a margin for the trailer lines. */
const SUMMARY_LIMIT = 1_000_000;
const MAX_TABLE_ROWS = 500;
const FIRST_IDS = 5;
const ID_CHUNK = 1000;
const ICON = {
    succeeded: '✅',
    failed: '❌',
    'timed-out': '⏱️',
    cancelled: '🛑',
    submitted: '📨',
    'dry-run': '🔍',
    empty: '➖'
};
const BATCH_ICON = {
    succeeded: '✅',
    failed: '❌',
    'timed-out': '⏱️',
    cancelled: '🛑',
    submitted: '📨',
    'not-sent': '⏸️'
};
function renderSummary(report, limit = SUMMARY_LIMIT) {
    const parts = [
        headline(report),
        notes(report),
        reconcile(report),
        sources(report),
        kept(report),
        tasks(report),
        errors(report)
    ].filter(part => part !== '');
    // Values are bounded one by one before they get here (see channel.ts); this keeps the whole
    // within the limit however many of them there are, with room left for the ID list.
    const tail = whatNext(report);
    const head = fitBytes(parts.join('\n'), Math.floor(limit * 0.9) - byteLength(tail));
    return head + idList(report, limit - byteLength(head) - byteLength(tail) - 1) + tail;
}
const CUT_NOTE = "\n\n… The summary is cut here to stay under GitHub's 1 MiB limit: the outputs and the files they name hold everything.\n";
/** `text` cut at a line end so that it, and a note saying so, fit in `budget` bytes. */
function fitBytes(text, budget) {
    if (byteLength(text) <= budget)
        return text;
    const room = budget - byteLength(CUT_NOTE);
    const fitting = Buffer.from(text, 'utf8').subarray(0, Math.max(0, room)).toString('utf8');
    return fitting.slice(0, Math.max(0, fitting.lastIndexOf('\n'))) + CUT_NOTE;
}
function headline(report) {
    const plan = report.plan;
    const deletion = report.deletion;
    const lines = [
        `## ${ICON[report.status]} Miso bulk delete${report.recordType === 'users' ? ' (users)' : ''}: ${report.status}`,
        '',
        '| Status | IDs | Batches | Tasks | Failed IDs | Time |',
        '| --- | ---: | ---: | ---: | ---: | ---: |',
        `| ${report.status} | ${plan?.ids.length ?? 0} | ${plan?.batches.length ?? 0} | ${deletion?.taskIds.length ?? 0} | ${(0,_run_report_js__WEBPACK_IMPORTED_MODULE_0__/* .failedCount */ .dD)(report)} | ${seconds(report.elapsedMs)} |`,
        ''
    ];
    const counts = (0,_run_report_js__WEBPACK_IMPORTED_MODULE_0__/* .misoCounts */ .FC)(report);
    if (counts.deleted !== undefined || counts.notFound !== undefined) {
        const said = [
            counts.deleted !== undefined ? `${counts.deleted} deleted` : '',
            counts.notFound !== undefined ? `${counts.notFound} not found` : ''
        ].filter(part => part !== '');
        lines.push(`**Miso reported:** ${said.join(', ')}.`, '');
    }
    if (report.dryRunReason) {
        lines.push(`**Dry run:** ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdMessage */ .be)(report.dryRunReason)}. Nothing was sent to Miso.`, '');
    }
    if (report.status === 'submitted') {
        lines.push('Tasks were submitted without waiting for them (`wait: false`).', '');
    }
    if (report.error) {
        lines.push(report.refused ? '### Refused' : '### Error', '', (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdMessage */ .be)(report.error), '');
    }
    else {
        const advice = (0,_advice_js__WEBPACK_IMPORTED_MODULE_2__/* .adviceFor */ .c)(report);
        if (advice)
            lines.push(`**Cause:** ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdMessage */ .be)(sentence(advice.cause))}`, '');
    }
    return lines.join('\n');
}
/** A failed run ends with what to do next. */
function whatNext(report) {
    const advice = (0,_advice_js__WEBPACK_IMPORTED_MODULE_2__/* .adviceFor */ .c)(report);
    if (!advice)
        return '';
    return ['', '### What to do next', '', (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdMessage */ .be)(advice.next), ''].join('\n');
}
function notes(report) {
    // The headline gives the dry run's reason; the log's notice need not repeat it.
    const forcedNotice = report.dryRunReason ? (0,_run_report_js__WEBPACK_IMPORTED_MODULE_0__/* .forcedDryRunNotice */ .km)(report.dryRunReason) : undefined;
    if (report.notes.every(n => n === forcedNotice))
        return '';
    return [
        '### Notes',
        '',
        ...capRows(counted(report.notes.filter(n => n !== forcedNotice)).map(([n, times]) => `- ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdMessage */ .be)(n)}${times > 1 ? ` (${times} times)` : ''}`), ['note', 'notes'], 'the log'),
        ''
    ].join('\n');
}
function sources(report) {
    const plan = report.plan;
    const none = !plan || plan.sources.length === 0;
    // A diff run names the change it read even when the change removed nothing.
    if (none && !report.diff)
        return '';
    const lines = ['### Where the IDs came from', ''];
    if (report.diff) {
        const { base, head, result, via, skipped } = report.diff;
        const { links } = report;
        const commit = (sha) => (0,_links_js__WEBPACK_IMPORTED_MODULE_3__/* .commitLink */ .wn)(links, sha) ?? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)(sha);
        const compare = (0,_links_js__WEBPACK_IMPORTED_MODULE_3__/* .compareLink */ .yM)(links, base, head);
        const pull = (0,_links_js__WEBPACK_IMPORTED_MODULE_3__/* .pullLink */ ._n)(links);
        const extra = [pull ? `pull request ${pull}` : '', compare ?? ''].filter(x => x !== '');
        const at = result === head ? '' : `; IDs still named were read at the merge ${commit(result)}`;
        lines.push(`Change: ${commit(base)}..${commit(head)} (read with ${via === 'git' ? 'git' : 'the GitHub REST API'})${extra.length > 0 ? `; ${extra.join(', ')}` : ''}${at}`, '');
        if (report.diff.share) {
            const { deleting, named } = report.diff.share;
            lines.push(`It deletes ${deleting} of the ${named} IDs that matching files named at ${commit(base)} (checked against \`max-deletions-percent\`).`, '');
        }
        if (skipped.length > 0) {
            const first = skipped.slice(0, 5).map(_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX).join(', ');
            const more = skipped.length > 5 ? `, and ${skipped.length - 5} more` : '';
            lines.push(`Skipped ${skipped.length} matching ${skipped.length === 1 ? 'file that carries' : 'files that carry'} no ID (not products): ${first}${more}.`, '');
        }
    }
    if (none)
        return lines.concat('No source gave an ID to delete.', '').join('\n');
    lines.push('| Source | IDs | New | Detail | First IDs |', '| --- | ---: | ---: | --- | --- |');
    const rows = plan.sources.map(s => `| ${sourceName(s)} | ${s.found} | ${s.added} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)(s.detail ?? '')} | ${firstIds(s.ids)} |`);
    lines.push(...capRows(rows, ['source', 'sources'], 'the `sources-path` output'));
    if (plan.duplicates > 0)
        lines.push('', `Repeated IDs, sent once: ${plan.duplicates}.`);
    return lines.join('\n') + '\n';
}
/** Reconcile mode: both sides' sizes, what is deleted and what Miso lacks (a count only). */
function reconcile(report) {
    const info = report.reconcile;
    if (!info)
        return '';
    const what = info.type ? `${info.recordType} of type ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)(info.type)}` : info.recordType;
    const at = info.head ? ` at ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)(info.head.slice(0, 12))}` : '';
    const lines = [
        '### Reconcile',
        '',
        `Miso's ${what} compared with the IDs the repository names${at}.`,
        '',
        '| Miso lists | Repository names | To delete | Named, not in Miso | First IDs to delete |',
        '| ---: | ---: | ---: | ---: | --- |',
        `| ${info.misoCount} | ${info.repositoryCount} | ${info.deleteCount} | ${info.missingFromMiso} | ${firstIds(report.plan?.ids ?? [])} |`,
        ''
    ];
    if (info.missingFromMiso > 0) {
        lines.push(`${info.missingFromMiso} IDs the repository names are not in Miso: their uploads may be missing.`, '');
    }
    return lines.join('\n');
}
function kept(report) {
    const keptIds = report.diff?.kept ?? [];
    if (keptIds.length === 0)
        return '';
    const rows = keptIds.map(k => `| ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)(k.id)} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)(k.path)} |`);
    return [
        '### Not deleted: still in the repository',
        '',
        '| ID | File that still names it |',
        '| --- | --- |',
        ...capRows(rows, ['ID', 'IDs'], 'the log'),
        ''
    ].join('\n');
}
function tasks(report) {
    const batches = report.deletion?.batches ?? [];
    if (batches.length === 0)
        return '';
    const rows = batches.map(b => `| ${b.index + 1} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)(b.taskId ?? '')} | ${b.count} | ${BATCH_ICON[b.status]} ${b.status} | ${b.durationMs === undefined ? '' : seconds(b.durationMs)} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)(formatCounts(b.counts))} |`);
    return [
        '### Tasks',
        '',
        '| Batch | Task ID | IDs | Status | Time | Counts |',
        '| ---: | --- | ---: | --- | ---: | --- |',
        ...capRows(rows, ['batch', 'batches'], 'the `result-path` output'),
        ''
    ].join('\n');
}
function errors(report) {
    const failed = (report.deletion?.batches ?? []).filter(b => b.error);
    if (failed.length === 0)
        return '';
    // The same answer for many batches (a wrong key, an outage) is one row listing them.
    const groups = new Map();
    for (const b of failed) {
        const status = String(b.error?.httpStatus ?? '');
        const message = b.error?.message ?? '';
        const key = JSON.stringify([status, message]);
        const group = groups.get(key) ?? { batches: [], status, message };
        group.batches.push(b.index + 1);
        groups.set(key, group);
    }
    const rows = [...groups.values()].map(g => `| ${numberRanges(g.batches)} | ${g.status} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdMessage */ .be)(g.message)} |`);
    return [
        '### Errors',
        '',
        '| Batches | HTTP status | Message |',
        '| ---: | ---: | --- |',
        ...capRows(rows, ['error', 'errors'], 'the `result-path` output'),
        ''
    ].join('\n');
}
/** The IDs in a collapsible list, cut to the bytes left. */
function idList(report, budget) {
    const ids = report.plan?.ids ?? [];
    if (ids.length === 0)
        return '';
    const open = `\n<details><summary>IDs (${ids.length})</summary>\n\n<pre>\n`;
    const close = '</pre>\n\n</details>\n';
    const cutNote = (left) => `… ${(0,_plural_js__WEBPACK_IMPORTED_MODULE_4__/* .plural */ .L)(left, 'more ID')} not shown: the \`ids-path\` output names a file with all of them.\n`;
    let room = budget - byteLength(open) - byteLength(close) - byteLength(cutNote(ids.length));
    if (room <= 0)
        return '';
    // Escaped and measured a thousand IDs at a time: per-ID work dominated large runs.
    const shown = [];
    let count = 0;
    for (let at = 0; at < ids.length && room > 0; at += ID_CHUNK) {
        const chunk = ids.slice(at, at + ID_CHUNK);
        const text = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .htmlText */ .js)(chunk.join('\n')) + '\n';
        const size = byteLength(text);
        if (size <= room) {
            shown.push(text);
            count += chunk.length;
            room -= size;
            continue;
        }
        for (const id of chunk) {
            const line = `${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .htmlText */ .js)(id)}\n`;
            room -= byteLength(line);
            if (room < 0)
                break;
            shown.push(line);
            count++;
        }
    }
    const left = ids.length - count;
    return open + shown.join('') + close + (left > 0 ? cutNote(left) : '');
}
/** A source's name: ours for the input (its code span kept), a value for a file. */
function sourceName(source) {
    const name = (0,_plan_js__WEBPACK_IMPORTED_MODULE_5__/* .describeSource */ .B6)(source);
    return source.kind === 'inline' ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdMessage */ .be)(name) : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)(name);
}
/** Each distinct text once, in first-seen order, with how many times it came. */
function counted(texts) {
    const times = new Map();
    for (const text of texts)
        times.set(text, (times.get(text) ?? 0) + 1);
    return [...times];
}
/** Ascending numbers as ranges: `1–3, 5`. */
function numberRanges(numbers) {
    const parts = [];
    for (let i = 0; i < numbers.length;) {
        let j = i;
        while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1)
            j++;
        parts.push(j === i ? String(numbers[i]) : `${numbers[i]}–${numbers[j]}`);
        i = j + 1;
    }
    return parts.join(', ');
}
/** Ends with a period. */
function sentence(text) {
    return /[.!?]$/.test(text) ? text : `${text}.`;
}
/** At most MAX_TABLE_ROWS rows, then a line saying how many more and where they are. */
function capRows(rows, what, where) {
    if (rows.length <= MAX_TABLE_ROWS)
        return rows;
    const cut = rows.slice(0, MAX_TABLE_ROWS);
    cut.push(`\n… ${(0,_plural_js__WEBPACK_IMPORTED_MODULE_4__/* .plural */ .L)(rows.length - MAX_TABLE_ROWS, `more ${what[0]}`, `more ${what[1]}`)} not shown (see ${where}).`);
    return cut;
}
/** A few IDs of a source, so a reader can see which file gave what. */
function firstIds(ids) {
    const shown = ids.slice(0, FIRST_IDS).map(_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX).join(', ');
    return ids.length > FIRST_IDS ? `${shown}, … (${ids.length - FIRST_IDS} more)` : shown;
}
function formatCounts(counts) {
    return Object.entries(counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}
function byteLength(text) {
    return Buffer.byteLength(text, 'utf8');
}


/***/ })

};
