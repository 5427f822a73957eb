export const id = 723;
export const ids = [723];
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
/** Trees are listed (and their links read) once per commit. */
function commitFiles(reader, maxLinkedPaths = MAX_LINKED_PATHS) {
    const trees = new Map();
    const tree = (commit) => {
        if (!trees.has(commit))
            trees.set(commit, treeOf(reader, commit));
        return trees.get(commit);
    };
    return {
        async paths(commit) {
            const { files, targets } = await tree(commit);
            const folders = folderLinks(files, targets);
            const own = [...files.keys()].filter(p => files.get(p)?.mode !== SUBMODULE && !folders.has(p));
            // One level: a link to a folder inside a linked folder shows under its own path only.
            const inside = (folder) => own.filter(p => p.startsWith(`${folder}/`));
            const counts = [...folders].map(([link, folder]) => [link, inside(folder).length]);
            refuseLinkFlood(commit, counts, folders, maxLinkedPaths);
            const linked = [...folders].flatMap(([link, folder]) => inside(folder).map(p => `${link}${p.slice(folder.length)}`));
            return [...own, ...linked];
        },
        async submodules(commit) {
            const { files } = await tree(commit);
            return [...files.keys()].filter(p => files.get(p)?.mode === SUBMODULE);
        },
        async read(commit, paths) {
            const { files, targets } = await tree(commit);
            const fail = (file, problem) => {
                throw new UnreadableFileError(file, commit, `${file} at ${(0,_event_js__WEBPACK_IMPORTED_MODULE_2__/* .short */ .h0)(commit)} ${problem}`);
            };
            const real = paths.map(file => realPath(file, files, targets, fail));
            const lfs = await lfsRule(reader, files);
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
async function treeOf(reader, commit) {
    const files = await reader.tree(commit);
    const links = [...files].filter(([, e]) => e.mode === LINK);
    const blobs = await reader.blobs(links.map(([, e]) => e.object));
    const targets = new Map(links.map(([p, e]) => [p, String(blobs.get(e.object))]));
    return { files, targets };
}
/**
 * Where a file's content really is at the commit, following links (in any folder of the
 * path) as a checkout would, but only inside the repository.
 */
function realPath(file, files, targets, fail) {
    if (files.get(file)?.mode === SUBMODULE)
        return fail(file, 'is a submodule, not a file');
    // A path under a link to a folder is in no tree: following the links finds its file.
    const followed = follow(file, targets);
    if ('problem' in followed)
        return fail(file, followed.problem);
    const { real } = followed;
    const found = files.get(real);
    if (found?.mode === SUBMODULE)
        return fail(file, `is a symbolic link to the submodule ${real}`);
    if (found)
        return real;
    if (real === file)
        return fail(file, 'is not a file');
    return fail(file, isFolder(real, files)
        ? `is a symbolic link to the folder ${real}, not to a file`
        : `is a symbolic link to ${real}, which does not exist`);
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
    return [...files.keys()].some(p => p.startsWith(`${real}/`));
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
/**
 * Fails, naming the largest links, when the links to folders would add more than `max`
 * paths. Their files are live at the links' paths, so leaving any out could delete a product
 * that is still named: the run stops instead, before any call.
 */
function refuseLinkFlood(commit, counts, folders, max) {
    const total = counts.reduce((sum, [, count]) => sum + count, 0);
    if (total <= max)
        return;
    const largest = counts.filter(([, n]) => n > 0).sort(([, a], [, b]) => b - a);
    const shown = largest
        .slice(0, 5)
        .map(([link, count]) => `${link} -> ${folders.get(link)} (${(0,_plural_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(count, 'file')})`);
    const more = largest.length > shown.length ? `, and ${largest.length - shown.length} more` : '';
    throw new Error(`At ${(0,_event_js__WEBPACK_IMPORTED_MODULE_2__/* .short */ .h0)(commit)}, ${(0,_plural_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(largest.length, 'symbolic link')} to folders would add ${total.toLocaleString('en-US')} paths (more than ${max.toLocaleString('en-US')}, far beyond any catalog): ${shown.join(', ')}${more}. ` +
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
async function lfsRule(reader, files) {
    const attributes = [...files].filter(([p, e]) => (p === '.gitattributes' || p.endsWith('/.gitattributes')) && e.mode !== LINK);
    const blobs = await reader.blobs(attributes.map(([, e]) => e.object));
    const rules = [];
    // Shallow folders first, so deeper files' rules come later and win.
    attributes.sort(([a], [b]) => a.split('/').length - b.split('/').length);
    for (const [file, entry] of attributes) {
        const dir = file.slice(0, file.length - '.gitattributes'.length);
        for (const line of String(blobs.get(entry.object)).split(/\r?\n/)) {
            const [pattern, ...attrs] = line.trim().split(/\s+/);
            const filter = attrs.find(a => /^(?:filter=|-filter$|!filter$)/.test(a));
            if (!pattern || pattern.startsWith('#') || filter === undefined)
                continue;
            // As in .gitignore: a pattern without `/` matches the name in any folder below.
            const glob = pattern.includes('/') ? pattern.replace(/^\//, '') : `**/${pattern}`;
            const matches = picomatch__WEBPACK_IMPORTED_MODULE_4___default()(glob, { dot: true, windows: false });
            rules.push({
                match: p => p.startsWith(dir) && matches(p.slice(dir.length)),
                lfs: filter === 'filter=lfs'
            });
        }
    }
    return file => rules.filter(rule => rule.match(file)).pop()?.lfs ?? false;
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
/* harmony import */ var _github_env_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4626);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8301);
/* harmony import */ var _patterns_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6248);
// Which change a diff source reads, per the event that started the run (the contract's
// "Which change" table). Pure: the payload is plain data, and untrusted.



const ZERO_SHA = /^0+$/;
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
    if (!(0,_github_env_js__WEBPACK_IMPORTED_MODULE_2__/* .isPullRequestEvent */ .T5)(eventName))
        return undefined;
    const p = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(payload);
    const number = numbered(eventName, p);
    const action = typeof p.action === 'string' ? p.action : 'unknown';
    if (action === 'closed' && (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(p.pull_request).merged === true)
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
    if (!(0,_github_env_js__WEBPACK_IMPORTED_MODULE_2__/* .isPullRequestEvent */ .T5)(eventName))
        return undefined;
    const number = numbered(eventName, p);
    const branch = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(p.pull_request).base).ref;
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
    const number = (0,_github_env_js__WEBPACK_IMPORTED_MODULE_2__/* .pullNumberOf */ .ez)(eventName, payload);
    if (number === undefined)
        return undefined;
    const p = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(payload);
    if (p.action !== 'closed')
        return { number, state: 'open' };
    return { number, state: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(p.pull_request).merged === true ? 'merged' : 'closed' };
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
    if ((0,_github_env_js__WEBPACK_IMPORTED_MODULE_2__/* .isPullRequestEvent */ .T5)(eventName))
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
        reason: `${forced ? 'Force push' : 'Push'} to ${ref}: comparing ${short(before)}..${short(after)}.`,
        notices: []
    };
}
function pullRequestRange(eventName, payload) {
    const pr = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(payload).pull_request);
    const baseSha = sha((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(pr.base).sha);
    const headSha = sha((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .objectOrEmpty */ .YN)(pr.head).sha);
    if (!baseSha || !headSha) {
        return { error: `The ${eventName} event payload has no valid base and head commit SHAs.` };
    }
    const number = (0,_github_env_js__WEBPACK_IMPORTED_MODULE_2__/* .pullNumberOf */ .ez)(eventName, payload);
    const forced = previewReason(eventName, payload);
    const what = `pull request${numbered(eventName, payload)}`;
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
/** ` #7` for pull request 7, for a message; empty without a valid number. */
function numbered(eventName, payload) {
    const number = (0,_github_env_js__WEBPACK_IMPORTED_MODULE_2__/* .pullNumberOf */ .ez)(eventName, payload);
    return number === undefined ? '' : ` #${number}`;
}
function sha(value) {
    return typeof value === 'string' && _github_env_js__WEBPACK_IMPORTED_MODULE_2__/* .SHA */ .hG.test(value) ? value.toLowerCase() : undefined;
}
/** An untrusted payload value, quoted and cut short for a message. */
function quoted(value) {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
function short(commit) {
    return _github_env_js__WEBPACK_IMPORTED_MODULE_2__/* .SHA */ .hG.test(commit) ? commit.slice(0, 12) : commit;
}


/***/ }),

/***/ 4626:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T5: () => (/* binding */ isPullRequestEvent),
/* harmony export */   ZN: () => (/* binding */ repositoryUrlOf),
/* harmony export */   _M: () => (/* binding */ repositoryOf),
/* harmony export */   ez: () => (/* binding */ pullNumberOf),
/* harmony export */   hG: () => (/* binding */ SHA),
/* harmony export */   po: () => (/* binding */ apiUrlOf)
/* harmony export */ });
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8301);
// What the runner's GitHub variables and the event say, each read by one rule here: the
// repository, the pull request, what a commit SHA looks like, where the API and the web are.
// Plain functions of `env` and the payload (not @actions/github's `context`, which reads
// process.env when loaded and writes to stdout when the event file is missing).

/** A full commit SHA: SHA-1 or SHA-256. */
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
/** `owner/name` from GITHUB_REPOSITORY; undefined when it is not that (a link never guesses). */
function repositoryOf(env) {
    const match = /^([\w.-]+)\/([\w.-]+)$/.exec(env.GITHUB_REPOSITORY ?? '');
    if (!match || [match[1], match[2]].some(name => /^\.+$/.test(name)))
        return undefined;
    return { owner: match[1], repo: match[2] };
}
/** The REST API's root (GITHUB_API_URL, for GitHub Enterprise Server), without a final `/`. */
function apiUrlOf(env) {
    return (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
}
/**
 * `https://server/owner/name` from GITHUB_SERVER_URL and GITHUB_REPOSITORY, or undefined when
 * either is odd: the server must be a bare http(s) origin, so a link carries no other text.
 */
function repositoryUrlOf(env) {
    const repo = repositoryOf(env);
    let server;
    try {
        server = new URL(env.GITHUB_SERVER_URL ?? '');
    }
    catch {
        return undefined;
    }
    const plain = !server.username && !server.password && !server.search && !server.hash;
    if (!repo || !plain || server.pathname !== '/' || !/^https?:$/.test(server.protocol)) {
        return undefined;
    }
    return `${server.origin}/${repo.owner}/${repo.repo}`;
}
function isPullRequestEvent(eventName) {
    return eventName === 'pull_request' || eventName === 'pull_request_target';
}
/** The pull request a pull request event is about; undefined for others and odd numbers. */
function pullNumberOf(eventName, payload) {
    if (!isPullRequestEvent(eventName))
        return undefined;
    const number = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .objectOrEmpty */ .YN)((0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .objectOrEmpty */ .YN)(payload).pull_request).number ?? (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .objectOrEmpty */ .YN)(payload).number;
    return typeof number === 'number' && Number.isSafeInteger(number) && number > 0
        ? number
        : undefined;
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
/**
 * One group per matched file, sorted by name (workspace-relative with forward slashes; a
 * file under `runnerTemp` by its absolute path), each file once. Throws for a pattern that
 * matches nothing, a path outside the workspace and `runnerTemp`, a directory, an unreadable
 * or binary file, and (IdFileError) a malformed ID list.
 */
async function readIdFiles(patterns, workspaceDir, idField, runnerTemp, options = {}) {
    const rootOf = async (dir, prefix) => {
        return { given: node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(dir), real: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(dir), prefix };
    };
    const roots = [await rootOf(workspaceDir, '')];
    // No RUNNER_TEMP directory (a local run): absolute paths are then workspace paths only.
    const temp = runnerTemp &&
        (await rootOf(runnerTemp, `${toSlashes(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(runnerTemp))}/`).catch(() => undefined));
    if (temp)
        roots.push(temp);
    const rule = (0,_patterns_js__WEBPACK_IMPORTED_MODULE_2__/* .pathPatterns */ .h)(patterns, INPUT);
    // The `!` patterns, placed like the others (a RUNNER_TEMP one by its absolute name).
    const excluded = rule.excluded.map(pattern => {
        const { root, relative } = place(pattern, roots);
        return root.prefix + relative;
    });
    const exclusions = (0,_patterns_js__WEBPACK_IMPORTED_MODULE_2__/* .pathPatterns */ .h)(excluded, INPUT);
    const files = new Map();
    for (const pattern of rule.plain) {
        const { root, relative } = place(pattern, roots);
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
            throw new Error(noMatch(pattern, root));
    }
    const groups = [];
    // Code-unit order, so the order never depends on the runner's locale.
    for (const [name, { root, relative }] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
        groups.push({ kind: 'file', name, ids: await readIds(name, relative, root, idField, options) });
    }
    return groups;
}
/** Where a pattern that matches nothing looked, and why a file is usually not there. */
function noMatch(pattern, root) {
    const where = root.prefix ? `RUNNER_TEMP (${root.given})` : `the workspace (${root.given})`;
    return `${INPUT}: "${pattern}" matches no file in ${where}. Likely causes: no \`actions/checkout\` step before this one, a path relative to the wrong folder (relative paths start at the workspace), or a file an earlier step did not write.`;
}
/**
 * The root a pattern is read under, and the pattern relative to it: a relative pattern is
 * under the workspace (`roots[0]`); an absolute one must lie inside one of the roots.
 */
function place(pattern, roots) {
    // A glob's `..` could climb out before any file is checked; plain paths may use it.
    if ((0,tinyglobby__WEBPACK_IMPORTED_MODULE_4__/* .isDynamicPattern */ .ey)(pattern) && pattern.split('/').includes('..')) {
        throw new Error(`${INPUT}: "${pattern}": ".." is not allowed in a glob pattern`);
    }
    if (!node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(pattern))
        return { root: roots[0], relative: pattern };
    const full = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(pattern);
    for (const root of roots) {
        for (const dir of [root.given, root.real]) {
            if (full !== dir && isInside(dir, full)) {
                return { root, relative: toSlashes(node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(dir, full)) };
            }
        }
    }
    const where = roots.length > 1 ? ' and RUNNER_TEMP' : '';
    throw new Error(`${INPUT}: "${pattern}" is outside the workspace${where}; give a path relative to the workspace`);
}
/** Names relative to `root` (forward slashes) of the files a pattern names. */
async function matchFiles(pattern, relative, root) {
    if ((0,tinyglobby__WEBPACK_IMPORTED_MODULE_4__/* .isDynamicPattern */ .ey)(relative)) {
        // Symlinks are followed here; readIds refuses any whose target is outside.
        const options = { cwd: root.real, expandDirectories: false, dot: true };
        return (0,tinyglobby__WEBPACK_IMPORTED_MODULE_4__/* .glob */ .TI)(relative, { ...options, onlyFiles: true, ignore: ['**/.git/**'] });
    }
    const full = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(root.real, relative);
    if (!isInside(root.real, full))
        throw new Error(`${INPUT}: "${pattern}" is outside the workspace`);
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(full).catch((error) => {
        if (error.code === 'ENOENT' || error.code === 'ENOTDIR')
            return undefined;
        throw new Error(`${INPUT}: cannot read "${pattern}": ${error.message}`);
    });
    if (info?.isDirectory()) {
        const example = `${pattern.replace(/\/+$/, '')}/*.csv`;
        throw new Error(`${INPUT}: "${pattern}" is a directory; name its files, e.g. "${example}"`);
    }
    return info ? [toSlashes(node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root.real, full))] : [];
}
/** The IDs of a matched file, read through its real path once that is known to be inside. */
async function readIds(name, relative, root, idField, options) {
    const cannotRead = failToRead(name);
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
    if (format === 'lines') {
        // Up to 256 MiB in one chunk, the fastest; larger files 64 MiB at a time.
        const chunkBytes = options.chunkBytes ?? (info.size <= 256 * MiB ? info.size + 1 : 64 * MiB);
        const ids = await readLines(name, real, chunkBytes);
        return (0,_formats_js__WEBPACK_IMPORTED_MODULE_3__/* .dropHeaderLine */ .T6)(ids, (0,_formats_js__WEBPACK_IMPORTED_MODULE_3__/* .sourceOf */ .vz)(name, idField, options.notes));
    }
    // Other formats are parsed as one string: at most V8's longest string, in UTF-16 units (a file
    // of at most this many bytes decodes to fewer).
    if (info.size > 0x1fffffe8) {
        const size = info.size >= MiB ? `${(info.size / MiB).toFixed(1)} MiB` : `${info.size} bytes`;
        throw new Error(`${INPUT}: ${name} is ${size}, too large to read as ` +
            `${format.toUpperCase()}; give IDs this many as a text file, one per line`);
    }
    const bytes = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(real).catch(cannotRead);
    return (0,_formats_js__WEBPACK_IMPORTED_MODULE_3__/* .parseIds */ .Ae)(textOf(name, bytes), name, idField, options.notes, options.removedWhen);
}
/**
 * A text file of one ID per line, read a chunk at a time, so its size is bounded by memory
 * rather than by V8's longest string. Lines never span chunks: each chunk's last partial line
 * waits for the next (and fails once longer than any line may be, before it grows into a
 * giant string); UTF-8 characters split by a chunk are joined by the decoder.
 */
async function readLines(name, file, chunkBytes) {
    const cannotRead = failToRead(name);
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(file, 'r').catch(cannotRead);
    try {
        const decoder = (0,_formats_js__WEBPACK_IMPORTED_MODULE_3__/* .utf8Decoder */ .Qk)();
        let ids = [];
        let carry = '';
        let line = 1;
        for (;;) {
            // A buffer per chunk, so each can go once decoded, as a whole file read's would.
            const buffer = Buffer.allocUnsafe(chunkBytes);
            const { bytesRead } = await handle.read(buffer, 0, chunkBytes, null).catch(cannotRead);
            // A short read is the end of the file: decoded as a whole, as one-byte text where it can be
            // (streaming decodes to two-byte strings, twice the memory). Were it not the end, a
            // character cut there fails as not UTF-8: closed, never a wrong ID.
            const bytes = buffer.subarray(0, bytesRead);
            const text = carry + textOf(name, bytes, decoder, bytesRead === chunkBytes);
            // A CR at the end may be half of a CRLF: it waits with the last line.
            const held = bytesRead > 0 && text.endsWith('\r') ? 1 : 0;
            const lines = (0,_formats_js__WEBPACK_IMPORTED_MODULE_3__/* .splitLines */ .uz)(text.slice(0, text.length - held));
            carry = bytesRead > 0 ? lines.pop() + text.slice(text.length - held) : '';
            const count = lines.length;
            const kept = (0,_formats_js__WEBPACK_IMPORTED_MODULE_3__/* .idsOfLines */ .zI)(lines, name, line);
            // A file of one chunk keeps its array of lines: no second million-entry array.
            if (ids.length === 0)
                ids = kept;
            else
                for (const id of kept)
                    ids.push(id);
            line += count;
            // Throws when the unfinished line alone is already too long.
            (0,_formats_js__WEBPACK_IMPORTED_MODULE_3__/* .idsOfLines */ .zI)([carry], name, line);
            if (bytesRead === 0)
                return ids;
        }
    }
    finally {
        await handle.close();
    }
}
function failToRead(name) {
    return error => {
        throw new Error(`${INPUT}: cannot read ${name}: ${error.message}`);
    };
}
/** The text of a file's bytes; fails closed for binary and for bytes that are not UTF-8. */
function textOf(name, bytes, decoder, stream) {
    if (bytes.includes(0)) {
        throw new Error(`${INPUT}: ${name} is binary (it contains NUL bytes), not a list of IDs`);
    }
    const text = (0,_formats_js__WEBPACK_IMPORTED_MODULE_3__/* .decodeUtf8 */ ._6)(bytes, decoder, stream);
    if (text === undefined)
        throw new Error(`${INPUT}: ${name} is not valid UTF-8 text ${_formats_js__WEBPACK_IMPORTED_MODULE_3__/* .SAVE_AS_UTF8 */ .Rm}`);
    return text;
}
/** Whether `target` is `root` or under it. */
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
/* harmony export */   uz: () => (/* binding */ splitLines),
/* harmony export */   vz: () => (/* binding */ sourceOf),
/* harmony export */   zI: () => (/* binding */ idsOfLines)
/* harmony export */ });
/* unused harmony export MAX_LINE_CHARS */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8301);
/* harmony import */ var _id_value_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6409);
/* harmony import */ var _removed_when_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5759);
// The one reader per ID list format, for `ids-file`, `id-list-files` and reconcile's repository
// files alike. Pure: text in, IDs out, no file system. Files can hold a million IDs, so lines
// are split natively and kept IDs written back into the array of lines.




/**
 * The longest line a text ID file may hold, in UTF-16 units: far beyond any ID, far below
 * V8's longest string, so a file that is no list (one 600 MB line) fails naming the line.
 */
const MAX_LINE_CHARS = 1024 * 1024;
/** A file's content is not a valid ID list; the message names the file and the position. */
class IdFileError extends Error {
    file;
    position;
    name = 'IdFileError';
    constructor(file, 
    /** `line 4`, `item 3`, `item 3 field product_id`...; empty for the file as a whole. */
    position, problem) {
        super(position ? `${file}: ${position}: ${problem}` : `${file}: ${problem}`);
        this.file = file;
        this.position = position;
    }
}
/** The format of an ID file, by its extension (case-insensitive); anything else is 'lines'. */
function formatOf(fileName) {
    const extension = /\.(csv|tsv|json|jsonl|ndjson)$/i.exec(fileName)?.[1].toLowerCase();
    if (extension === undefined)
        return 'lines';
    return extension === 'ndjson' ? 'jsonl' : extension;
}
/**
 * The IDs of one file, in file order, duplicates kept. `name` picks the format and names
 * the file in errors; `idField` is the CSV/TSV column or the JSON field path (parseFieldPath).
 * Throws IdFileError for anything that is not a valid ID list.
 */
function parseIds(text, name, idField, notes, removedWhen = []) {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const file = { ...sourceOf(name, idField, notes), removedWhen };
    const format = formatOf(name);
    if (format === 'json')
        return idsOfJson(body, file);
    if (format === 'jsonl')
        return idsOfJsonLines(body, file);
    if (format === 'lines')
        return dropHeaderLine(idsOfLines(splitLines(body), name, 1), file);
    return idsOfTable(body, file, format === 'tsv');
}
function sourceOf(name, idField, notes) {
    const path = (0,_id_value_js__WEBPACK_IMPORTED_MODULE_1__/* .parseFieldPath */ .Zl)(idField);
    return { name, idField, notes, path, column: path.length === 1 ? path[0] : idField };
}
function fail(file, position, problem) {
    throw new IdFileError(typeof file === 'string' ? file : file.name, position, problem);
}
/**
 * Bytes as UTF-8 text, a BOM kept (the readers drop it); undefined for bytes that are not
 * UTF-8. Another encoding (Windows-1252, Latin-1) must not turn an ID into one with U+FFFD,
 * which names no product and protects nothing. `decoder` and `stream` read a file in chunks.
 */
function decodeUtf8(bytes, decoder = utf8Decoder(), stream = false) {
    try {
        return decoder.decode(bytes, { stream });
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
// --- lines ---
/** The lines of a text; LF, CRLF and a lone CR end a line (split() is by far the fastest). */
function splitLines(text) {
    return text.includes('\r') ? text.split(/\r\n?|\n/) : text.split('\n');
}
/**
 * The IDs of whole lines of a text list, the first being line `firstLine`: trimmed (a BOM
 * with them), blank lines and `#` comment lines dropped. The IDs are written back into `lines`
 * (no second million-entry array). Throws IdFileError for a line longer than `maxLineChars`.
 */
function idsOfLines(lines, name, first, max = MAX_LINE_CHARS) {
    let kept = 0;
    for (let i = 0; i < lines.length; i++) {
        if (lines[i].length > max) {
            const problem = `longer than ${max.toLocaleString('en-US')} characters, far beyond any ID: this is not a list of one ID per line`;
            fail(name, `line ${first + i}`, problem);
        }
        const id = lines[i].trim();
        // `#` only starts a comment at the start of a line: IDs themselves may contain `#`.
        if (id !== '' && id[0] !== '#')
            lines[kept++] = id;
    }
    lines.length = kept;
    return lines;
}
/**
 * A text list's first ID that is the `id-field` name (`product_id`) is a header line, as a
 * person reads it: dropped from `ids` (the file's IDs), with a notice.
 */
function dropHeaderLine(ids, { name, column, notes }) {
    if (ids[0] !== column)
        return ids;
    ids.shift();
    notes?.notice(`${name}: its first line "${column}" is the \`id-field\` name, so it was read as a header line, not as an ID.`);
    return ids;
}
// --- CSV / TSV ---
const SEPARATOR_NAMES = { ',': '","', ';': '";"', '\t': 'a tab' };
/**
 * The header row decides the separator, as a person reading the file would: the extension's
 * own (`,` for .csv, a tab for .tsv) when the header has it, else the one other of `,` `;`
 * tab that it has (a list re-exported with another separator often keeps its name), else
 * none (one column). A header with two others is ambiguous: it fails.
 */
function tableSeparator(text, file, own) {
    const header = /^[^\r\n]*/.exec(text)?.[0] ?? '';
    if (header.includes(own))
        return own;
    const [first, second] = [',', ';', '\t'].filter(s => s !== own && header.includes(s));
    if (second === undefined)
        return first ?? own;
    const [a, b, c] = [first, second, own].map(s => SEPARATOR_NAMES[s]);
    const problem = `the header row holds both ${a} and ${b}, and not ${c}: which one separates the columns is unclear. Save the file with one separator`;
    return fail(file, 'line 1', problem);
}
/**
 * The cells of each record and its first line. With `quoting` (RFC 4180), a field that starts
 * with `"` is quoted (separators, line breaks and doubled quotes inside it are data); a quote
 * anywhere else is refused rather than guessed at, as `a, "b,c"` would otherwise split into
 * unintended IDs. TSV has no quoting: a `.tsv`'s tab always separates.
 */
function* records(text, file, separator, quoting) {
    const plain = `[^${quoting ? '"' : ''}${separator}\\r\\n]*`;
    // The plain alternative always matches, so exec() never gives null.
    const cell = new RegExp(quoting ? `"([^"]*(?:""[^"]*)*)"|${plain}` : plain, 'y');
    let line = 1;
    for (let i = 0; i < text.length;) {
        const first = line;
        const cells = [];
        for (;;) {
            cell.lastIndex = i;
            const [whole, quoted] = cell.exec(text);
            i = cell.lastIndex;
            if (quoted !== undefined) {
                line += whole.match(/\r\n?|\n/g)?.length ?? 0;
                if (i < text.length && !'\r\n'.includes(text[i]) && text[i] !== separator) {
                    fail(file, `line ${line}`, 'text after the closing quote of a field');
                }
                cells.push(quoted.replaceAll('""', '"'));
            }
            else if (quoting && text[i] === '"') {
                const problem = whole === ''
                    ? 'a quoted field is never closed'
                    : 'a quote inside an unquoted field (quote the whole field and double inner quotes)';
                fail(file, `line ${line}`, problem);
            }
            else {
                cells.push(whole);
            }
            if (text[i] !== separator)
                break;
            i++;
        }
        if (i < text.length) {
            i += text.startsWith('\r\n', i) ? 2 : 1;
            line++;
        }
        yield [cells, first];
    }
}
function idsOfTable(text, file, tsv) {
    const separator = tableSeparator(text, file, tsv ? '\t' : ',');
    const rows = records(text, file, separator, !(tsv && separator === '\t'));
    const header = rows.next();
    if (header.done)
        fail(file, '', `no header row; the first line must name the columns`);
    const column = idColumn(header.value[0], file);
    const names = header.value[0].map(cell => cell.trim());
    const name = names[column];
    const removed = (cells) => file.removedWhen?.length &&
        (0,_removed_when_js__WEBPACK_IMPORTED_MODULE_2__/* .meetsAny */ .T)(Object.fromEntries(names.map((n, i) => [n, cells[i]?.trim()])), file.removedWhen);
    const ids = [];
    // Blank lines are fine at the end only; one before more data is an empty ID.
    let blankLine = 0;
    for (const [cells, line] of rows) {
        if (cells.length === 1 && cells[0].trim() === '') {
            blankLine ||= line;
            continue;
        }
        const [row, at] = blankLine ? [[''], `line ${blankLine}`] : [cells, `line ${line}`];
        if (row.length <= column) {
            const found = row.length === 1 ? '1 cell' : `${row.length} cells`;
            fail(file, at, `${found}, but the ID column "${name}" is column ${column + 1}`);
        }
        const id = row[column].trim();
        if (removed(row))
            continue;
        ids.push(id !== '' ? id : fail(file, at, `empty ID in column "${name}"`));
    }
    return ids;
}
function idColumn(header, file) {
    const names = header.map(name => name.trim());
    const wanted = file.column;
    if (names.length === 1) {
        if (names[0] === '')
            fail(file, 'line 1', 'the header row is empty; it must name the columns');
        // A list without a header loses its first ID to the header: say so, naming it.
        if (names[0] !== wanted) {
            file.notes?.maybeId?.(names[0], file.name);
            file.notes?.warning(`${file.name}: line 1, ${JSON.stringify(names[0].slice(0, 100))}, was read as the header of its one column, not as an ID. If it is an ID, add a first line "${wanted}".`);
        }
        return 0;
    }
    const column = names.indexOf(wanted);
    if (column === -1) {
        // Cut short for very wide headers.
        const shown = names.slice(0, 20).map(n => JSON.stringify(n.slice(0, 100)));
        const more = names.length > 20 ? `, and ${names.length - 20} more` : '';
        const problem = `no column "${wanted}" in the header row; columns found: ${shown.join(', ')}${more}`;
        fail(file, 'line 1', problem);
    }
    if (names.includes(wanted, column + 1)) {
        fail(file, 'line 1', `the header row names column "${wanted}" twice`);
    }
    return column;
}
// --- JSON / JSON lines ---
function idsOfJson(text, file) {
    const value = parseJson(text, file, '');
    if (Array.isArray(value)) {
        const ids = [];
        value.forEach((item, i) => ids.push(...idsOfItem(item, file, `item ${i + 1}`)));
        return ids;
    }
    // One object (a feed's `{"items":[...]}`) when `id-field` has a `*`: `items.*.sku`.
    if ((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(value) && file.path.includes('*'))
        return idsOfItem(value, file, '');
    // The API's own request body, so a saved request can be replayed.
    const [[, productIds] = []] = (0,_id_value_js__WEBPACK_IMPORTED_MODULE_1__/* .valuesAt */ .pD)(value, ['data', 'product_ids']);
    if (Array.isArray(productIds)) {
        return productIds.map((item, i) => idOf(item, file, `data.product_ids item ${i + 1}`));
    }
    const found = (0,_id_value_js__WEBPACK_IMPORTED_MODULE_1__/* .describe */ .q0)(value) + ((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(value) ? ' without data.product_ids' : '');
    const shapes = `an array of IDs, an array of objects with "${file.idField}", or {"data":{"product_ids":[...]}}`;
    return fail(file, '', `expected ${shapes}, but found ${found}`);
}
function idsOfJsonLines(text, file) {
    const ids = [];
    splitLines(text).forEach((line, i) => {
        const at = `line ${i + 1}`;
        if (line.trim() !== '')
            ids.push(...idsOfItem(parseJson(line, file, at), file, at));
    });
    return ids;
}
/** JSON.parse keeps a key's last value: which of two names the product is not clear. */
function parseJson(text, file, position) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        fail(file, position, `not valid JSON: ${error.message}`);
    }
    const key = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .duplicateKey */ .Ve)(text);
    if (key === undefined)
        return value;
    return fail(file, position, `the key ${JSON.stringify(key)} appears twice in one object`);
}
/** An item of an ID list: the ID itself, or an object holding it (or several) at `id-field`. */
function idsOfItem(item, file, position) {
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(item))
        return [idOf(item, file, position)];
    if (file.removedWhen?.length && (0,_removed_when_js__WEBPACK_IMPORTED_MODULE_2__/* .meetsAny */ .T)(item, file.removedWhen))
        return [];
    const found = (0,_id_value_js__WEBPACK_IMPORTED_MODULE_1__/* .valuesAt */ .pD)(item, file.path);
    if (found.length === 0)
        fail(file, position, `the object has no field "${file.idField}"`);
    const where = (at) => `${position ? `${position} ` : ''}field ${at}`;
    return found.map(([at, value]) => value === undefined ? fail(file, where(at), 'missing') : idOf(value, file, where(at)));
}
function idOf(value, file, position) {
    const id = (0,_id_value_js__WEBPACK_IMPORTED_MODULE_1__/* .idOfValue */ .I0)(value);
    return typeof id === 'string' ? id : fail(file, position, id.problem);
}


/***/ }),

/***/ 6409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I0: () => (/* binding */ idOfValue),
/* harmony export */   Zl: () => (/* binding */ parseFieldPath),
/* harmony export */   pD: () => (/* binding */ valuesAt),
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
 * of digits is a 0-based index (`items.0.sku`); a key `*` is every element of an array or every
 * value of an object (`items.*.sku`); `\.` is a dot inside a key and `\\` a backslash
 * (`meta\.sku` names the key `meta.sku`). No other use of `\` and no empty key is allowed.
 */
function parseFieldPath(text) {
    // Escapes are read left to right, so a `\` left once they are gone escapes nothing allowed.
    if (text.replace(/\\[.\\]/g, '').includes('\\')) {
        throw new FieldPathError('`\\` may only escape `.` or `\\`');
    }
    const keys = Array.from(text.matchAll(/(?:^|\.)((?:[^.\\]|\\[.\\])*)/g), ([, key]) => key.replace(/\\(.)/g, '$1'));
    if (keys.includes(''))
        throw new FieldPathError('a key in the path is empty');
    return keys;
}
/** A field path that does not follow the grammar; the message says what is wrong. */
class FieldPathError extends Error {
    name = 'FieldPathError';
}
const INDEX = /^(?:0|[1-9]\d*)$/;
/**
 * The values at `keys` inside `value`, each with its own path (`items.2.sku`): at most one
 * without `*`, none when a step before the first `*` is missing (the file names nothing).
 * Past a `*` every element must hold the rest of the path (fail closed: an element without it
 * may name a product we cannot see): a missing step gives its path with `undefined`; a `null`
 * part way gives `null`, as at the end (names no product).
 */
function valuesAt(value, keys) {
    const found = [];
    walk(value, keys, 0, '', false, found);
    return found;
}
function walk(value, keys, i, at, past, found) {
    if (i === keys.length || (value === null && past)) {
        found.push([at, value]);
        return;
    }
    const key = keys[i];
    const path = (step) => (at ? `${at}.${step}` : step);
    if (key === '*' && (Array.isArray(value) || (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(value))) {
        for (const [k, v] of Object.entries(value))
            walk(v, keys, i + 1, path(k), true, found);
        return;
    }
    const has = Array.isArray(value)
        ? INDEX.test(key) && Number(key) < value.length
        : key !== '*' && (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(value) && Object.hasOwn(value, key);
    if (has)
        walk(value[key], keys, i + 1, path(key), past, found);
    else if (past)
        found.push([path(key), undefined]);
}
/**
 * The ID a JSON value names, or why it names none (the caller adds the file and the position): a string as it is (never trimmed nor split: it is sent exactly so),
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

/***/ 5759:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ meetsAny),
/* harmony export */   W: () => (/* binding */ parseConditions)
/* harmony export */ });
/* harmony import */ var _id_value_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6409);
// `removed-when`: `field: value` conditions under which a product file (or a row of an ID list)
// names no live product (`draft: true`, `published: false`, `active: false`). Fields follow the
// one field-path grammar; values are read as YAML scalars of the core schema.

/**
 * The conditions of the input, one a line (blank and `#` lines dropped by the caller). Throws
 * an Error whose message names the line and what is wrong.
 */
function parseConditions(lines) {
    return lines.map(line => {
        const [, field, text] = /^([^:]*):\s*(.*)$/.exec(line) ?? [];
        const problem = (what) => new Error(`line ${JSON.stringify(line)} ${what}; write one \`field: value\` a line`);
        if (!field?.trim())
            throw problem('names no field');
        if (!text)
            throw problem('has no value');
        try {
            return { keys: (0,_id_value_js__WEBPACK_IMPORTED_MODULE_0__/* .parseFieldPath */ .Zl)(field.trim()), value: scalarOf(text), text };
        }
        catch (error) {
            throw problem(`is not valid (${error.message})`);
        }
    });
}
/**
 * A value as YAML's core schema reads a plain or quoted scalar: null, booleans, numbers and
 * strings. Collections, anchors, tags and block scalars are refused, not guessed at.
 */
function scalarOf(text) {
    if (/^"(?:[^"\\]|\\.)*"$/.test(text))
        return JSON.parse(text);
    if (/^'(?:[^']|'')*'$/.test(text))
        return text.slice(1, -1).replaceAll("''", "'");
    if (/^(?:null|Null|NULL|~)$/.test(text))
        return null;
    if (/^(?:true|True|TRUE|false|False|FALSE)$/.test(text))
        return /^t/i.test(text);
    if (/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(text))
        return Number(text);
    if (/^[[\]{}&*!|>'"%@`,]|\s#/.test(text))
        throw new Error('not one plain or quoted value');
    return text;
}
/**
 * Whether `doc` (a file's JSON or front matter, or a row of an ID list) meets any condition. A
 * field's value meets it when it is the same value, or a string that reads as it (YAML front
 * matter and CSV cells keep every value as text: `true`, `false`, `0` as written).
 */
function meetsAny(doc, conditions) {
    return conditions.some(({ keys, value, text }) => (0,_id_value_js__WEBPACK_IMPORTED_MODULE_0__/* .valuesAt */ .pD)(doc, keys).some(([, found]) => found === value ||
        (typeof found === 'string' && (found === text || found === String(value)))));
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
        const c = text[i];
        if (c === '"') {
            const start = i;
            for (i++; text[i] !== '"'; i++)
                if (text[i] === '\\')
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
        else if (c === '{' || c === '[') {
            open.push(c === '{' ? new Set() : undefined);
            atKey = c === '{';
        }
        else if (c === '}' || c === ']') {
            open.pop();
        }
        else if (c === ',') {
            atKey = open[open.length - 1] !== undefined;
        }
    }
    return undefined;
}


/***/ }),

/***/ 6723:
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
// The `product-ids` input: IDs separated by newlines, commas or spaces (GitHub's dispatch form
// has one line; people type spaces). Unlike ID files there are no comments here, so an inline
// ID may start with `#`; it may contain no comma nor white space (those come from a file).
// A value starting with `[` is a JSON array (often another step's output), read by the one
// rule for JSON values (id-value.ts).

const INPUT = 'product-ids';
/**
 * Inline IDs in the order given; empty entries dropped, duplicates kept.
 * Throws, naming the input, for a JSON array that is not valid or holds a non-ID.
 */
function parseInlineIds(text) {
    if (text.trimStart().startsWith('['))
        return idsOfJsonArray(text);
    return text.split(/[\s,]/).filter(id => id !== '');
}
function idsOfJsonArray(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`Input \`${INPUT}\` starts with \`[\`, so it is read as a JSON array, but it is not valid JSON (${error.message}). Give a JSON array of strings or numbers, or IDs separated by commas, spaces or newlines.`, { cause: error });
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

// EXTERNAL MODULE: ./src/plural.ts
var plural = __webpack_require__(9133);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/ids/removed-when.ts
var removed_when = __webpack_require__(5759);
;// CONCATENATED MODULE: ./src/input-helper.ts
// Turns the raw action inputs into one typed Settings object, refusing anything that is not
// exactly understood before any call to Miso is made: every problem at once, so one run shows
// them all.




/** The refused inputs: each problem names the input, what is wrong and what is accepted. */
class InputError extends Error {
    problems;
    name = 'InputError';
    constructor(problems) {
        super(problems.join('\n'));
        this.problems = problems;
    }
}
function refuse(problem) {
    throw new InputError([problem]);
}
/**
 * Every input, in action.yml's order: its name, the default action.yml declares, its parser.
 * A test keeps it, action.yml and the README's table of inputs the same. Text inputs are kept as
 * given (trimmed). Rules that join several inputs are in combinationProblems. (`dryRun` here is
 * the input; the event may still force a dry run.)
 */
const INPUTS = {
    /** Empty only in a dry run without a key. */
    apiKey: { name: 'api-key', default: '', parse: String },
    /** Base URL without a trailing slash; a path prefix is kept. */
    apiUrl: { name: 'api-url', default: 'https://api.askmiso.com', parse: parseApiUrl },
    authMode: { name: 'auth-mode', default: 'header', parse: oneOf('header', 'query') },
    /** Raw text, parsed by ids/inline.ts. */
    productIds: { name: 'product-ids', default: '', parse: String },
    idsFiles: { name: 'ids-file', default: '', parse: parseList },
    idField: { name: 'id-field', default: 'product_id', parse: fieldPath },
    deletedPaths: { name: 'deleted-paths', default: '', parse: parseList },
    idFrom: { name: 'id-from', default: 'filename', parse: parseIdFrom },
    idListFiles: { name: 'id-list-files', default: '', parse: parseList },
    base: { name: 'base', default: '', parse: String },
    head: { name: 'head', default: '', parse: String },
    dryRun: { name: 'dry-run', default: 'false', parse: input_helper_boolean },
    /** 0 means no limit. */
    maxDeletions: { name: 'max-deletions', default: '1000', parse: whole(0, 100_000_000) },
    failOnEmpty: { name: 'fail-on-empty', default: 'false', parse: input_helper_boolean },
    batchSize: { name: 'batch-size', default: '1000', parse: whole(1, 10_000) },
    concurrency: { name: 'concurrency', default: '4', parse: whole(1, 32) },
    retries: { name: 'retries', default: '5', parse: whole(0, 20) },
    requestTimeoutMs: { name: 'request-timeout', default: '30', parse: whole(1, 600, 1000) },
    wait: { name: 'wait', default: 'true', parse: input_helper_boolean },
    /** 0 means no limit. */
    waitTimeoutMs: { name: 'wait-timeout', default: '600', parse: whole(0, 86_400, 1000) },
    pollIntervalMs: { name: 'poll-interval', default: '2', parse: whole(1, 300, 1000) },
    recordType: { name: 'record-type', default: 'products', parse: oneOf('products', 'users') },
    reconcile: { name: 'reconcile', default: 'false', parse: input_helper_boolean },
    /** Miso products of this type only; empty for all. */
    reconcileType: { name: 'reconcile-type', default: '', parse: String },
    /** Reconcile: the largest share of Miso's records one run may delete; 0 means no limit. */
    maxDeletionsPercent: { name: 'max-deletions-percent', default: '10', parse: whole(0, 100) },
    githubToken: { name: 'github-token', default: '${{ github.token }}', parse: String },
    comment: { name: 'comment', default: 'false', parse: input_helper_boolean },
    commentTitle: { name: 'comment-title', default: 'Miso bulk delete', parse: String },
    /** The branches whose pushes and merged pull requests delete; empty: the default branch. */
    branches: { name: 'branches', default: '', parse: parseList },
    deleteListFiles: { name: 'delete-list-files', default: '', parse: parseList },
    /** Back up the records before deleting them; `auto`: runs of at most 1,000 IDs. */
    backup: { name: 'backup', default: 'auto', parse: oneOf('auto', 'true', 'false') },
    /** Undo mode: the backup file whose records are uploaded back; empty otherwise. */
    restoreFile: { name: 'restore-file', default: '', parse: String },
    /** Conditions under which a product file or a list's row names no live product. */
    removedWhen: { name: 'removed-when', default: '', parse: parseRemovedWhen }
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
/** Reads every input; throws one InputError with every problem found. */
function getSettings(context) {
    const { env, getInput: raw } = context;
    // Mask the key, as given and as used, before anything else can print it.
    const key = raw('api-key');
    if (key.trim())
        for (const form of new Set([key.trim(), key]))
            context.setSecret(form);
    const problems = [undeclaredInputs(env)].filter(problem => problem !== undefined);
    const values = {};
    for (const [field, row] of Object.entries(INPUTS)) {
        // A `${{ }}` default is the runner's to fill in: given empty, the input stays empty.
        const fallback = row.default.includes('${{') ? '' : row.default;
        try {
            values[field] = row.parse(raw(row.name).trim() || fallback, row.name);
        }
        catch (error) {
            if (!(error instanceof InputError))
                throw error;
            problems.push(...error.problems);
        }
    }
    const inputs = values;
    const dryRunReason = context.forcedDryRun?.(inputs.branches) ?? (inputs.dryRun ? 'the `dry-run` input is true' : '');
    const settings = {
        ...inputs,
        dryRun: dryRunReason !== '',
        dryRunReason,
        workspace: external_node_path_.resolve(env.GITHUB_WORKSPACE || process.cwd()),
        runnerTemp: runnerTempOf(env)
    };
    problems.push(...combinationProblems(settings, inputs.dryRun !== undefined));
    if (problems.length > 0)
        throw new InputError(problems);
    return settings;
}
/**
 * The rules that join several inputs. A refused input breaks none: its value is unknown
 * (undefined here), so a rule that reads it is not checked.
 */
function combinationProblems(s, dryRunRead) {
    const problems = [];
    if (s.reconcile === false && s.reconcileType !== '') {
        problems.push('Input `reconcile-type` is only read with `reconcile: true`.');
    }
    if (s.reconcile && s.productIds !== '') {
        problems.push('Input `product-ids` cannot be used with `reconcile: true`: reconcile deletes what Miso lists and the repository does not name. Give the IDs to keep in `ids-file`, or run without `reconcile`.');
    }
    if (s.reconcile && s.reconcileType !== '' && s.recordType === 'users') {
        problems.push('Input `reconcile-type` filters products; it cannot be used with `record-type: users`.');
    }
    const lists = [s.idsFiles, s.deletedPaths, s.idListFiles, s.deleteListFiles].flatMap(list => list ?? []);
    if (s.restoreFile && (s.reconcile || s.productIds !== '' || lists.length > 0)) {
        problems.push('Input `restore-file` uploads the records of a backup back to Miso: it cannot be used with an ID source (`product-ids`, `ids-file`, `deleted-paths`, `id-list-files`, `delete-list-files`) or `reconcile`.');
    }
    if (s.reconcile && !s.apiKey) {
        problems.push("Input `api-key` is required with `reconcile: true`, also in a dry run: the plan needs Miso's listing.");
    }
    else if (!s.dryRun && !s.apiKey && dryRunRead) {
        problems.push('Input `api-key` is required unless the run is a dry run: pass `${{ secrets.MISO_API_KEY }}` or set `dry-run: true`.');
    }
    return problems;
}
/** The variable the runner passes an input in: spaces become `_`, letters upper case. */
function inputVariable(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
/** The problem with `env`'s undeclared inputs, naming each and the declared input closest to it. */
function undeclaredInputs(env) {
    const declared = new Set(DECLARED_INPUTS.map(inputVariable));
    const named = Object.keys(env)
        .filter(variable => variable.startsWith('INPUT_') && !declared.has(variable))
        .sort()
        // The runner upper-cased the name; lower case is how it was most likely written.
        .map(variable => variable.slice('INPUT_'.length).toLowerCase())
        .map(name => `\`${name}\` (did you mean \`${closestInput(name)}\`?)`);
    if (named.length === 0)
        return undefined;
    return `The step's \`with:\` names ${named.length === 1 ? 'an input' : 'inputs'} this action does not have: ${named.join(', ')}. Nothing was sent to Miso: a misspelled input must not change what is deleted.`;
}
/** The declared input nearest to `name` (edit distance, `_` and spaces read as `-`). */
function closestInput(name) {
    const wanted = name.toLowerCase().replace(/[_ ]/g, '-');
    return DECLARED_INPUTS.reduce((best, candidate) => editDistance(wanted, candidate) < editDistance(wanted, best) ? candidate : best);
}
/** Levenshtein distance, with a swap of two neighbours counted as one edit. */
function editDistance(a, b) {
    let [before, row] = [[], Array.from({ length: b.length + 1 }, (_, j) => j)];
    for (let i = 1; i <= a.length; i++) {
        const next = [i];
        for (let j = 1; j <= b.length; j++) {
            const swap = a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] ? before[j - 2] + 1 : Infinity;
            next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + Number(a[i - 1] !== b[j - 1]), swap);
        }
        ;
        [before, row] = [row, next];
    }
    return row[b.length];
}
/** Lines of a multi-line input, trimmed, blank lines and `#` comment lines dropped. */
function parseList(value) {
    return value
        .split(/\r?\n/)
        .map(line => line.trim())
        .filter(line => line !== '' && !line.startsWith('#'));
}
function parseRemovedWhen(value) {
    try {
        return (0,removed_when/* parseConditions */.W)(parseList(value));
    }
    catch (error) {
        refuse(`Input \`removed-when\`: ${error.message}.`);
    }
}
/** One of `choices`, in any letter case. */
function oneOf(...choices) {
    return (value, name) => {
        const found = choices.find(choice => choice === value.toLowerCase());
        if (found !== undefined)
            return found;
        refuse(`Input \`${name}\` must be ${choices.map(c => `\`${c}\``).join(' or ')}, got ${quote(value)}.`);
    };
}
const trueOrFalse = oneOf('true', 'false');
function input_helper_boolean(value, name) {
    return trueOrFalse(value, name) === 'true';
}
/** A whole number from `min` to `max`, times `unit` (1000 turns seconds into milliseconds). */
function whole(min, max, unit = 1) {
    return (value, name) => {
        if (!/^\d+$/.test(value)) {
            refuse(`Input \`${name}\` must be a whole number from ${min} to ${max}, got ${quote(value)}.`);
        }
        const n = Number(value);
        if (n < min || n > max)
            refuse(`Input \`${name}\` must be from ${min} to ${max}, got ${n}.`);
        return n * unit;
    };
}
function parseIdFrom(value) {
    if (value === 'filename' || value === 'path')
        return { kind: value };
    const [, kind, field] = /^(json|frontmatter):\s*(.*?)\s*$/.exec(value) ?? [];
    if (!kind) {
        refuse(`Input \`id-from\` must be \`filename\`, \`path\`, \`json:<field>\` or \`frontmatter:<key>\`, got ${quote(value)}.`);
    }
    if (!field) {
        refuse(`Input \`id-from\` needs a field name after \`${kind}:\` (dotted paths like \`a.b\` are allowed), got ${quote(value)}.`);
    }
    fieldPath(field, 'id-from');
    return kind === 'json' ? { kind, field } : { kind: 'frontmatter', key: field };
}
/** `id-field` and `id-from` paths follow one grammar (parseFieldPath). */
function fieldPath(value, name) {
    try {
        (0,id_value/* parseFieldPath */.Zl)(value);
    }
    catch (error) {
        if (!(error instanceof id_value/* FieldPathError */.qd))
            throw error;
        refuse(`Input \`${name}\` is not a valid field path: ${error.message} in ${quote(value)}.`);
    }
    return value;
}
const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;
/** https only, except loopback hosts; a path prefix is kept, a trailing slash dropped. */
function parseApiUrl(value) {
    if (!URL.canParse(value))
        refuse('Input `api-url` is not a valid URL.');
    const url = new URL(value);
    const where = `${url.protocol}//${url.host}`;
    const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    // Miso's docs show full URLs (`https://api.askmiso.com/v1/...`); the routes add `/v1` again.
    const v1 = /\/v1$/i.exec(base);
    const problems = [
        [url.username || url.password, `must not carry credentials (${where}).`],
        [
            url.search || url.hash,
            `must not have a query or fragment (${where}); pass the key in \`api-key\`.`
        ],
        [
            url.protocol === 'http:' && !LOOPBACK_HOSTS.test(url.hostname),
            `must use https (${where}); plain http is allowed only for loopback hosts.`
        ],
        [!['https:', 'http:'].includes(url.protocol), `must use https, got ${url.protocol}.`],
        [
            v1,
            `must be the base URL without \`/v1\`, such as \`${base.slice(0, v1?.index)}\`: the action adds \`/v1/...\` itself.`
        ]
    ];
    const problem = problems.find(([broken]) => broken);
    if (problem)
        refuse(`Input \`api-url\` ${problem[1]}`);
    return base;
}
function quote(value) {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

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
        error: (message, where) => sink.error(channel.logLine(message), channel.redacted(where ?? {}))
    };
}

// EXTERNAL MODULE: ./node_modules/node-fetch/src/index.js + 12 modules
var src = __webpack_require__(816);
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"1.0.0"};
// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(6670);
// EXTERNAL MODULE: ./src/miso/proxy.ts
var miso_proxy = __webpack_require__(1628);
// EXTERNAL MODULE: ./src/miso/throttle.ts
var throttle = __webpack_require__(9754);
// EXTERNAL MODULE: ./src/json.ts
var json = __webpack_require__(8301);
// EXTERNAL MODULE: ./src/miso/task-status.ts
var task_status = __webpack_require__(8870);
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
    const counts = (0,task_status/* countsOf */.mQ)(parsed);
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

// EXTERNAL MODULE: ./src/miso/message.ts
var miso_message = __webpack_require__(2283);
// EXTERNAL MODULE: ./src/http-policy.ts
var http_policy = __webpack_require__(2598);
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
class MisoClient {
    options;
    throttle;
    apiUrl;
    basePath;
    agent;
    redact;
    /** The variable naming the proxy in use, for the message of a 407. */
    proxyVariable;
    recordType;
    random;
    sleep;
    now;
    /** Throws when the proxy settings are unusable (naming the variable, never its value). */
    constructor(options) {
        this.options = options;
        this.apiUrl = options.apiUrl.replace(/\/+$/, '');
        this.basePath = new URL(this.apiUrl).pathname.replace(/\/+$/, '');
        const env = options.env ?? process.env;
        const proxy = (0,miso_proxy/* proxyFor */.iJ)(this.apiUrl, env);
        this.redact = (0,redact/* redactor */.$)([options.apiKey, ...(proxy ? (0,miso_proxy/* proxySecrets */.Wm)(proxy) : [])]);
        this.agent = (0,miso_proxy/* agentFor */.Pf)(this.apiUrl, env);
        this.proxyVariable = (0,miso_proxy/* proxyVariableFor */.Qk)(this.apiUrl, env);
        this.recordType = options.recordType ?? 'products';
        this.random = options.random ?? Math.random;
        this.sleep = options.sleep ?? throttle/* abortableSleep */.Mf;
        this.now = options.now ?? Date.now;
        this.throttle = new throttle/* Throttle */.X5(options.concurrency, { sleep: this.sleep, now: this.now });
        if (proxy) {
            this.log(`Reaching ${new URL(this.apiUrl).host} through proxy ${(0,miso_proxy/* describeProxy */.GK)(proxy)}`);
        }
    }
    deleteProducts(ids, signal) {
        const idsKey = this.recordType === 'users' ? 'user_ids' : 'product_ids';
        return this.post(`/v1/${this.recordType}/_delete`, { data: { [idsKey]: ids } }, signal);
    }
    /** Uploads records (`POST /v1/{type}`, the undo's restore), answered like a delete. */
    uploadRecords(records, signal) {
        return this.post(`/v1/${this.recordType}`, { data: records }, signal);
    }
    /** A POST answered with a task or counts; deleting and uploading are both idempotent. */
    post(path, data, signal) {
        const body = JSON.stringify(data);
        const fail = (failure, _attempts, body) => ({
            ok: false,
            failure,
            ...(body !== undefined ? { body } : {})
        });
        return this.retrying(`POST ${this.basePath}${path}`, signal, fail, async () => {
            const release = await this.throttle.acquire(signal);
            try {
                const answer = await this.exchange('POST', path, body, signal);
                if (typeof answer === 'string')
                    return { retry: { message: answer, fatal: false } };
                if ((0,http_policy/* classifyStatus */.xo)(answer.status) !== 'ok') {
                    return { ...this.refusal(answer, `POST ${this.basePath}${path}`), body: answer.body };
                }
                // Read before redacting: a key-like run inside must not hide a task_id.
                const read = answer.cut
                    ? { kind: 'invalid', reason: `answer larger than ${MAX_BODY_BYTES} bytes` }
                    : readDeleteAnswer(answer.raw, answer.headers.get('content-type'));
                if (read.kind === 'invalid') {
                    // An answer that accepts nothing is sent again (the request is idempotent).
                    const failure = { httpStatus: answer.status, message: read.reason, fatal: false };
                    return { retry: failure, body: answer.body };
                }
                this.throttle.onSuccess();
                const taskId = read.kind === 'task' ? { taskId: read.taskId } : {};
                const { status: httpStatus, body: text } = answer;
                return { done: { ok: true, ...taskId, counts: read.counts, httpStatus, body: text } };
            }
            finally {
                // After reading the answer, so a 429's pause is in force before the slot is handed on.
                release();
            }
        });
    }
    /**
     * One record (`GET /v1/{type}/{id}`, answered `{"data": {...}}`) for the undo's backup, read
     * from the redacted body so the key can never be in it; `undefined` when Miso answers 404 (it
     * has no such record). In a throttle slot and retried like a delete.
     */
    getRecord(id, signal) {
        const route = `/v1/${this.recordType}/{id}`;
        const path = `/v1/${this.recordType}/${encodeURIComponent(id)}`;
        const fail = (failure) => ({ ok: false, failure });
        // A URL collapses `.` and `..` segments, and servers may decode `%2F` before routing: the
        // answer would be for another path, and its 404 read as "no record".
        if (id === '.' || id === '..' || id.includes('/')) {
            const message = 'the ID cannot be asked for as one URL path segment (`.`, `..` or `/`): set `backup: false` to delete it without a backup';
            return Promise.resolve(fail({ httpStatus: 0, message, fatal: false }));
        }
        return this.retrying(`GET ${this.basePath}${route}`, signal, fail, async () => {
            const release = await this.throttle.acquire(signal);
            try {
                const answer = await this.exchange('GET', path, undefined, signal);
                if (typeof answer === 'string')
                    return { retry: { message: answer, fatal: false } };
                if (answer.status === 404)
                    return { done: { ok: true, record: undefined } };
                if ((0,http_policy/* classifyStatus */.xo)(answer.status) !== 'ok') {
                    return this.refusal(answer, `GET ${this.basePath}${route}`);
                }
                this.throttle.onSuccess();
                const data = answer.cut ? undefined : (0,json/* parseJsonOrUndefined */.rx)(answer.body);
                const record = (0,json/* isObject */.Gv)(data) ? data.data : undefined;
                // A record for another ID (or none) cannot undo this deletion: not deleted, fail closed.
                const idKey = this.recordType === 'users' ? 'user_id' : 'product_id';
                if ((0,json/* isObject */.Gv)(record) && record[idKey] === id)
                    return { done: { ok: true, record } };
                const message = (0,json/* isObject */.Gv)(record)
                    ? `the answer's record has no \`${idKey}\` equal to the ID asked for`
                    : 'the answer holds no record at `data`';
                return { final: { httpStatus: answer.status, message, fatal: false } };
            }
            finally {
                release();
            }
        });
    }
    async getStatus(taskId, signal) {
        try {
            // Polls are limited by the caller, but a 429 pause holds for them too.
            await this.throttle.waitForPause(signal);
        }
        catch {
            return { httpStatus: 0, body: 'cancelled before the request was sent' };
        }
        const path = `/v1/${this.recordType}/_status/${encodeURIComponent(taskId)}`;
        const answer = await this.exchange('GET', path, undefined, signal);
        if (typeof answer === 'string')
            return { httpStatus: 0, body: answer };
        if (answer.status === 429)
            this.rateLimited(`GET ${this.basePath}${path}`, answer);
        // The proxy's own answer says nothing about the task: the message says what to fix.
        if (answer.status === 407) {
            return { httpStatus: 407, body: JSON.stringify({ message: this.proxyRefusal() }) };
        }
        return { httpStatus: answer.status, body: answer.body };
    }
    /**
     * Every ID Miso lists for the record type (`GET /v1/{type}/_ids`, `?type=` when given),
     * retried like a delete; an answer that is not a readable list fails at once.
     */
    async listIds(productType, signal) {
        const route = `/v1/${this.recordType}/_ids`;
        const path = route + (productType ? `?type=${encodeURIComponent(productType)}` : '');
        const fail = (failure, attempts) => ({
            ok: false,
            failure,
            attempts
        });
        return this.retrying(`GET ${this.basePath}${route}`, signal, fail, async () => {
            await this.throttle.waitForPause(signal);
            const answer = await this.exchange('GET', path, undefined, signal, MAX_LISTING_BYTES);
            if (typeof answer === 'string')
                return { retry: { message: answer, fatal: false } };
            const { status } = answer;
            if ((0,http_policy/* classifyStatus */.xo)(status) !== 'ok')
                return this.refusal(answer, `GET ${this.basePath}${route}`);
            // The IDs as sent (before redaction): they are what gets deleted.
            const listing = answer.cut
                ? { ok: false, problem: `the answer is larger than ${MAX_LISTING_BYTES} bytes` }
                : readIdListing(answer.raw);
            if (listing.ok)
                return { done: { ok: true, ids: listing.ids } };
            return { final: { httpStatus: status, message: listing.problem, fatal: false } };
        });
    }
    /**
     * Runs `attempt` until it is done, retrying up to `retries` times with back-off (the one
     * HTTP policy). A cancellation ends it with a failure that says when it came.
     */
    async retrying(request, signal, fail, attempt) {
        const retries = Math.max(0, Math.floor(this.options.retries));
        const cancelled = (message, attempts) => fail({ message, fatal: false }, attempts);
        for (let attempts = 1;; attempts++) {
            if (signal.aborted)
                return cancelled('cancelled before the request was sent', attempts - 1);
            let verdict;
            try {
                verdict = await attempt();
            }
            catch {
                // Only the throttle's waits throw, when the signal aborts.
                return cancelled('cancelled before the request was sent', attempts - 1);
            }
            if (signal.aborted)
                return cancelled('cancelled before Miso answered', attempts);
            if ('done' in verdict)
                return verdict.done;
            if ('final' in verdict)
                return fail(verdict.final, attempts, verdict.body);
            const failure = verdict.retry;
            const reason = failure.httpStatus === undefined ? failure.message : `${request}: ${(0,miso_message/* failureText */.k)(failure)}`;
            if (attempts > retries) {
                if (retries > 0)
                    this.log(`${reason}; giving up after ${attempts} attempts`);
                return fail(failure, attempts, verdict.body);
            }
            const delay = (0,http_policy/* retryDelay */.a2)(attempts - 1, verdict.retryAfterMs, this.random);
            this.log(`${reason}; retry ${attempts} of ${retries} in ${seconds(delay)}`);
            try {
                await this.sleep(delay, signal);
            }
            catch {
                const last = `cancelled while waiting to retry (last answer: ${(0,miso_message/* failureText */.k)(failure)})`;
                return cancelled(last, attempts);
            }
        }
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
            message = (0,miso_message/* misoMessage */.a)(status, answer.body, answer.statusText);
        const failure = {
            httpStatus: status,
            message: this.clean(message),
            fatal: policy === 'stops-run'
        };
        if (policy !== 'retry')
            return { final: failure };
        const retryAfterMs = status === 429
            ? this.rateLimited(request, answer)
            : (0,http_policy/* parseRetryAfter */.mu)(answer.headers.get('retry-after'), this.now());
        return { retry: failure, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
    }
    /** Tells the throttle about a 429; returns the Retry-After wait, if any. */
    rateLimited(request, answer) {
        const retryAfterMs = (0,http_policy/* parseRetryAfter */.mu)(answer.headers.get('retry-after'), this.now());
        this.throttle.onRateLimited(retryAfterMs);
        this.log(`${request}: rate limited (HTTP 429); ${this.throttle.limit} request(s) in flight at most`);
        return retryAfterMs;
    }
    /**
     * Sends one request with its own time-out, also ended by the run's signal. Never throws:
     * no answer (network error, time-out, cancellation) comes back as a redacted reason built
     * from the path only.
     */
    async exchange(method, path, body, signal, limit = MAX_BODY_BYTES) {
        if (signal.aborted)
            return 'cancelled before the request was sent';
        const { apiKey, authMode, requestTimeoutMs } = this.options;
        const url = new URL(this.apiUrl + path);
        if (authMode === 'query')
            url.searchParams.set('api_key', apiKey);
        const headers = {
            Accept: 'application/json',
            'User-Agent': `miso-bulk-delete/${package_namespaceObject.rE}`,
            ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
            ...(authMode === 'header' ? { 'X-API-KEY': apiKey } : {})
        };
        const shown = `${method} ${this.basePath}${path}`;
        const controller = new AbortController();
        let timedOut = false;
        const onAbort = () => controller.abort();
        signal.addEventListener('abort', onAbort, { once: true });
        const timer = setTimeout(() => {
            timedOut = true;
            controller.abort();
        }, requestTimeoutMs);
        let reading;
        try {
            // A redirect could carry the key elsewhere, or turn the POST into a GET.
            const init = { method, headers, body, agent: this.agent, redirect: 'manual' };
            const response = await (0,src/* default */.Ay)(url.href, { ...init, signal: controller.signal });
            const { status, statusText } = response;
            reading = status;
            const { text, cut } = await readCapped(response.body, limit);
            const clean = this.clean(text, false);
            return { status, statusText, headers: response.headers, body: clean, raw: text, cut };
        }
        catch (error) {
            if (signal.aborted)
                return 'cancelled before Miso answered';
            let reason = `no complete answer within ${seconds(requestTimeoutMs)} (request-timeout)`;
            if (!timedOut)
                reason = networkReason(error).split(url.href).join(`${this.basePath}${path}`);
            if (!timedOut && reading !== undefined) {
                reason = `answer cut off after HTTP ${reading}: ${reason}`;
            }
            return this.clean(`${shown}: ${reason}`);
        }
        finally {
            clearTimeout(timer);
            signal.removeEventListener('abort', onAbort);
        }
    }
    /** 407: the proxy wants (other) credentials, for every request alike. */
    proxyRefusal() {
        const where = this.proxyVariable ?? 'the proxy variable (HTTPS_PROXY / HTTP_PROXY)';
        return `the proxy refused the request (Proxy Authentication Required): check the proxy credentials in ${where}`;
    }
    /** Redacts secrets and, for messages, cuts overly long text. */
    clean(text, shorten = true) {
        const safe = this.redact(text);
        return shorten ? (0,src_channel.bound)(safe, src_channel.MESSAGE_LIMIT) : safe;
    }
    /** Rare lines that explain a slow run: retries, rate limits, the proxy in use. */
    log(message) {
        this.options.log.info(this.redact(message));
    }
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
function seconds(ms) {
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
        sourcesPath: external_node_path_.join(dir, 'sources.json')
    };
    const clean = (ids, at) => ids.slice(at, at + CHUNK_IDS).map(redact);
    const all = plan?.ids ?? [];
    await writeChunks(files.idsPath, function* () {
        for (let at = 0; at < all.length; at += CHUNK_IDS)
            yield `${clean(all, at).join('\n')}\n`;
    });
    // The same JSON as JSON.stringify() of the entries, each source's IDs in chunks.
    await writeChunks(files.sourcesPath, function* () {
        yield '[';
        for (const [n, source] of (plan?.sources ?? []).entries()) {
            const { ids, ...entry } = sourceEntry(source);
            const rest = JSON.stringify(entry, (_, v) => (typeof v === 'string' ? redact(v) : v));
            yield `${n > 0 ? ',' : ''}${rest.slice(0, -1)},"ids":[`;
            for (let at = 0; at < ids.length; at += CHUNK_IDS) {
                yield (at > 0 ? ',' : '') + JSON.stringify(clean(ids, at)).slice(1, -1);
            }
            yield ']}';
        }
        yield ']';
    });
    return files;
}
/**
 * Each chunk is built only when the file has taken the one before: one chunk in memory at a
 * time (a stream would read ahead, and chunks held that long outlive the young generation).
 */
async function writeChunks(file, chunks) {
    const handle = await (0,promises_.open)(file, 'w');
    try {
        for (const chunk of chunks())
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
    const entries = (report.deletion?.batches ?? []).map(batch => ({
        task_id: batch.taskId ?? null,
        count: batch.count,
        status: batch.status,
        response: batch.response ?? null,
        ...(Object.keys(batch.counts).length > 0 ? { counts: batch.counts } : {}),
        ...(batch.error
            ? { error: { http_status: batch.error.httpStatus ?? null, message: batch.error.message } }
            : {})
    }));
    const resultPath = external_node_path_.join(files.dir, 'result.json');
    (0,external_node_fs_.writeFileSync)(resultPath, JSON.stringify(entries));
    const failed = (0,run_report/* failedIds */.GF)(report);
    const failedIdsPath = failed ? external_node_path_.join(files.dir, 'failed-ids.json') : '';
    if (failed)
        (0,external_node_fs_.writeFileSync)(failedIdsPath, rerunFileText(failed));
    const sources = (report.plan?.sources ?? []).map(sourceEntry);
    const counts = (0,run_report/* misoCounts */.FC)(report);
    // Each JSON output with its `-truncated` flag.
    const cut = (name, items, more = false) => {
        const { json, truncated } = jsonArrayWithin(items, OUTPUT_LIMIT);
        return { [name]: json, [`${name}-truncated`]: String(truncated || more) };
    };
    return {
        status: report.status,
        count: String(ids.length),
        ...cut('ids', ids),
        'ids-path': files.idsPath,
        ...cut('task-ids', report.deletion?.taskIds ?? []),
        'failed-count': String((0,run_report/* failedCount */.dD)(report)),
        'deleted-count': counts.deleted === undefined ? '' : String(counts.deleted),
        'not-found-count': counts.notFound === undefined ? '' : String(counts.notFound),
        'failed-ids-path': failedIdsPath,
        ...cut('result', entries),
        'result-path': resultPath,
        ...cut('sources', sources.map(s => ({ ...s, ids: s.ids.slice(0, SOURCE_IDS_IN_OUTPUT) })), sources.some(s => s.count > SOURCE_IDS_IN_OUTPUT)),
        'sources-path': files.sourcesPath,
        ...undoOutputs(report)
    };
}
/** The backup's file and count; the records a restore got accepted (src/undo/). */
function undoOutputs(report) {
    const { backup, restoring } = report.undo ?? {};
    const accepted = (report.deletion?.batches ?? []).filter(b => b.status === 'succeeded' || b.status === 'submitted');
    return {
        'backup-path': backup?.path ?? '',
        'backup-count': backup ? String(backup.count) : '',
        'restored-count': restoring ? String(accepted.reduce((sum, b) => sum + b.count, 0)) : ''
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
/** A JSON array of as many leading items as fit in `limit` bytes. */
function jsonArrayWithin(items, limit) {
    const parts = [];
    let size = 2; // the brackets
    for (const item of items) {
        const part = JSON.stringify(item);
        size += Buffer.byteLength(part, 'utf8') + (parts.length > 0 ? 1 : 0);
        if (size > limit)
            return { json: `[${parts.join(',')}]`, truncated: true };
        parts.push(part);
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




















/** Runs the action; `failed` when the step fails. */
async function run(context) {
    const { env, cancellation } = context;
    const started = Date.now();
    const report = { status: 'failed', notes: [], elapsedMs: 0 };
    // Every line, output, file and summary goes through the channel: secrets out first.
    const channel = (0,src_channel.runChannel)(context.input('api-key'), env);
    const log = runLog(channel, report.notes, context.log);
    const event = readEvent(env, log);
    report.links = (0,links/* repositoryLinks */.Ay)(env, event);
    const state = { env, event, signal: cancellation.signal, channel, log, report };
    try {
        const settings = await phase(context, 'Inputs', () => readSettings(context, state));
        state.settings = settings;
        report.recordType = settings.recordType;
        await deleteIds(context, settings, state);
    }
    catch (error) {
        report.status = cancellation.signal.aborted ? 'cancelled' : 'failed';
        report.error = error instanceof Error ? error.message : String(error);
        if (error instanceof commit_files/* UnreadableFileError */.o2)
            report.errorNext = error.next;
        if (error instanceof InputError)
            state.problems = error.problems;
        state.errorAt = annotationOf(error);
    }
    report.elapsedMs = Date.now() - started;
    // The signal handlers stay until the report is out: the runner's SIGTERM follows its
    // SIGINT within seconds and must not kill the process half way through the outputs.
    const { shown, failed } = await publish(context, state);
    // Last, when everything else is out: the comment never delays or fails anything.
    if (state.settings?.comment) {
        const { updatePullRequestComment } = await __webpack_require__.e(/* import() */ 139).then(__webpack_require__.bind(__webpack_require__, 2139));
        // Shown to people like the summary: redacted and bounded before the comment escapes it.
        const url = await updatePullRequestComment({
            ...state,
            settings: state.settings,
            report: shown,
            clean: channel.redact
        });
        if (url)
            context.output('comment-url', channel.redact(url));
    }
    cancellation.dispose();
    return { failed };
}
/** Each phase of the run as a collapsible group of the log. */
async function phase(context, title, work) {
    context.log.startGroup(title);
    try {
        return await work();
    }
    finally {
        context.log.endGroup();
    }
}
/** The inputs as settings; the log says what the run will do and what the event decided. */
function readSettings(context, { env, event, log }) {
    const forced = (branches) => (0,diff_event/* forcedDryRun */.WR)(event.name, event.payload, branches);
    const settings = getSettings({
        forcedDryRun: forced,
        env,
        getInput: context.input,
        setSecret: context.log.mask
    });
    log.info(describeSettings(settings));
    const reason = forced(settings.branches);
    if (reason)
        log.notice((0,run_report/* forcedDryRunNotice */.km)(reason));
    const { wait, waitTimeoutMs: timeout, pollIntervalMs: poll } = settings;
    if (wait && timeout > 0 && timeout < poll) {
        log.warning(`\`wait-timeout\` (${timeout / 1000} s) is shorter than \`poll-interval\` (${poll / 1000} s): the wait ends before the first status poll, so no task can be confirmed. Raise \`wait-timeout\` or lower \`poll-interval\`.`);
    }
    // Before the first call to Miso: a deletion that cannot be reported is worse than none.
    checkReportDestinations(env, settings.runnerTemp);
    return settings;
}
/** Sources → plan → batches → tasks. */
async function deleteIds(context, settings, state) {
    const { report, log, channel } = state;
    // Made when first needed (a dry run makes none): it throws for unusable proxy settings.
    let client;
    const miso = () => (client ??= new MisoClient({ ...settings, env: state.env, log }));
    const found = await phase(context, settings.restoreFile
        ? 'Sources: the backup file'
        : settings.reconcile
            ? 'Sources: Miso and the repository'
            : 'Sources and diff', async () => {
        const found = await findIds(settings, miso, state);
        for (const g of found.groups)
            log.info(`${(0,src_plan/* describeSource */.B6)(g)}: ${(0,plural/* plural */.L)(g.ids.length, 'ID')}`);
        return found;
    });
    report.diff = found.diff;
    report.reconcile = found.reconcile;
    const plan = (report.plan = (0,src_plan/* makePlan */.Cs)(found.groups, settings.batchSize));
    await phase(context, planTitle(plan, settings), () => logPlan(plan, log, channel));
    // The plan's files (every ID, every source; tens of megabytes for a million IDs) are
    // written while the deletion runs. A failure is reported with the outputs.
    state.planFiles = writePlanFiles(plan, settings.runnerTemp, channel.redact);
    state.planFiles.catch(() => undefined);
    const work = settings.restoreFile ? 'Restore' : 'Deletion';
    const title = settings.dryRun ? `${work}: dry run, nothing is sent` : work;
    await phase(context, title, () => deleteOrPreview(plan, settings, miso, state, 'records' in found ? found.records : undefined));
}
/** Where a refused ID file is wrong, so the annotation shows on that file and line. */
function annotationOf(error) {
    // Files under RUNNER_TEMP (absolute names) are not in the repository.
    if (!(error instanceof formats/* IdFileError */.mg) || external_node_path_.isAbsolute(error.file))
        return undefined;
    const startLine = Number(/^line (\d+)/.exec(error.position)?.[1]) || undefined;
    return { title: 'Refused ID file', file: error.file, startLine };
}
/** Decides what to do with the plan and, when it is a real run, does it. */
async function deleteOrPreview(plan, settings, miso, { report, signal, log }, restore) {
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
        const { sendPlan } = await __webpack_require__.e(/* import() */ 41).then(__webpack_require__.bind(__webpack_require__, 2041));
        await sendPlan(report, plan, settings, miso(), restore, { ...settings, signal, log });
        const notFound = (0,run_report/* notFoundWarning */.GD)(report);
        if (notFound)
            log.warning(notFound);
    }
}
/**
 * The IDs to delete, by source. Reconcile: what Miso lists and the repository no longer names
 * (see reconcile/). Otherwise every source the inputs name, in a fixed order: inline, files,
 * then the diff.
 */
async function findIds(settings, miso, state) {
    const { event, env, log, signal } = state;
    if (settings.restoreFile)
        return (await __webpack_require__.e(/* import() */ 80).then(__webpack_require__.bind(__webpack_require__, 4080))).readBackup(settings);
    if (settings.reconcile) {
        const { resolveReconcileIds } = await Promise.all(/* import() */[__webpack_require__.e(722), __webpack_require__.e(477), __webpack_require__.e(800)]).then(__webpack_require__.bind(__webpack_require__, 9800));
        const { groups, info } = await resolveReconcileIds(settings, miso(), signal, env, log);
        return { groups, reconcile: info };
    }
    const groups = [];
    const inline = parseInlineIds(settings.productIds);
    if (inline.length > 0)
        groups.push({ kind: 'inline', name: 'product-ids', ids: inline });
    if (settings.idsFiles.length > 0) {
        const { idsFiles, workspace, idField, runnerTemp } = settings;
        groups.push(...(await (0,files/* readIdFiles */.V)(idsFiles, workspace, idField, runnerTemp, { notes: log })));
    }
    const { deletedPaths, idListFiles, deleteListFiles } = settings;
    if (deletedPaths.length + idListFiles.length + deleteListFiles.length === 0) {
        if (groups.length === 0)
            log.notice('No ID source was given (`product-ids`, `ids-file`, `deleted-paths`, `id-list-files` or `delete-list-files`).');
        return { groups };
    }
    // Loaded only when needed: git, the REST client and YAML are most of the bundle's start-up.
    const { resolveDiffIds } = await Promise.all(/* import() */[__webpack_require__.e(722), __webpack_require__.e(477), __webpack_require__.e(120)]).then(__webpack_require__.bind(__webpack_require__, 1120));
    const found = await resolveDiffIds(settings, event, env, log, signal);
    const { groups: removed, notices, warnings, ...diff } = found;
    for (const notice of notices)
        log.notice(notice);
    for (const warning of warnings)
        log.warning(warning);
    return { groups: [...groups, ...removed], diff };
}
function readEvent(env, log) {
    const name = env.GITHUB_EVENT_NAME ?? '';
    try {
        const file = env.GITHUB_EVENT_PATH;
        return { name, payload: file ? JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8')) : {} };
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
    const doing = s.restoreFile ? 'Restoring' : 'Deleting';
    const mode = s.dryRun ? 'Dry run, nothing is sent to Miso' : `${doing} through ${s.apiUrl}`;
    return `${mode}: batches of ${s.batchSize}, ${s.concurrency} at once, ${waiting}.`;
}
/** The plan in one line: the title of its group in the log. */
function planTitle(plan, { recordType }) {
    const what = recordType === 'users' ? 'unique user ID' : 'unique ID';
    return `Plan: ${(0,plural/* plural */.L)(plan.ids.length, what)} from ${(0,plural/* plural */.L)(plan.sources.length, 'source')}, in ${(0,plural/* plural */.L)(plan.batches.length, 'batch', 'batches')}`;
}
function logPlan({ ids }, log, channel) {
    // One line per ID, each made safe on its own: an ID is data and must not become a command.
    log.infoLines(ids.slice(0, 1000).map(id => channel.value(id)));
    if (ids.length > 1000)
        log.info(`… and ${(0,plural/* plural */.L)(ids.length - 1000, 'more ID')} (see ids-path).`);
}
/**
 * Outputs, summary and the step's result: written for every run, failed ones too. Gives the
 * report as shown to people (redacted and bounded), for the comment, and whether the step fails.
 */
async function publish(context, state) {
    const { report, settings, channel, log } = state;
    const runnerTemp = settings?.runnerTemp ?? runnerTempOf(state.env);
    const planFiles = state.planFiles ?? writePlanFiles(report.plan, runnerTemp, channel.redact);
    const files = await planFiles.catch((error) => error);
    const written = files instanceof Error ? undefined : files;
    const redacted = channel.redacted(report);
    const shown = channel.shown(redacted);
    // Each channel on its own: a missing output file must not also cost the summary.
    let unwritten;
    try {
        if (!written)
            throw files;
        const outputs = buildOutputs(redacted, written);
        for (const [name, value] of Object.entries(outputs))
            context.output(name, value);
    }
    catch (error) {
        unwritten = `The step outputs could not be written: ${error.message}`;
    }
    await context.summary((0,summary/* renderSummary */.Br)(shown)).catch((error) => {
        // No summary file (e.g. a local run): the log and outputs still tell everything.
        log.debug(`No job summary written: ${error.message}`);
    });
    const { plan, deletion } = report;
    log.info(`Status: ${report.status}; IDs: ${plan?.ids.length ?? 0}; tasks: ${deletion?.taskIds.length ?? 0}; failed IDs: ${(0,run_report/* failedCount */.dD)(report)}.`);
    const fails = (0,run_report/* stepFails */.ug)(report, settings?.failOnEmpty ?? false);
    if (fails) {
        // The error annotation says what went wrong and what to do next; each refused input has
        // its own, so that one run shows every input to fix.
        const advice = (0,report_advice/* adviceFor */.c)(report);
        const message = report.errorNext === undefined && report.error !== undefined
            ? report.error
            : advice
                ? (0,report_advice/* failureLine */.P)(advice)
                : `Miso bulk delete ${report.status}.`;
        for (const line of state.problems ?? [message])
            log.error(line, state.errorAt);
    }
    if (unwritten)
        log.error(unwritten);
    return { shown, failed: fails || unwritten !== undefined };
}


/***/ }),

/***/ 2283:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ misoMessage),
/* harmony export */   k: () => (/* binding */ failureText)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8301);
// Miso's own words in an error answer, for messages: the client, the status reader and the
// deletion's report all quote it the same way.


/** `HTTP 400: message`, or the message alone when there was no answer. */
function failureText(failure) {
    const status = failure.httpStatus !== undefined ? `HTTP ${failure.httpStatus}: ` : '';
    return `${status}${failure.message}`;
}
/**
 * Miso's message in an error answer: `message`, else FastAPI's `detail`, else the HTTP
 * status text. Also used for status polls refused by a wrong key.
 */
function misoMessage(status, text, statusText = '') {
    const body = asObject((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJsonOrUndefined */ .rx)(text));
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
    return statusText || (node_http__WEBPACK_IMPORTED_MODULE_0___default().STATUS_CODES)[status] || `HTTP ${status}`;
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
    return (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(value) ? value : undefined;
}


/***/ }),

/***/ 8870:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WN: () => (/* binding */ countsText),
/* harmony export */   YB: () => (/* binding */ describeReading),
/* harmony export */   gI: () => (/* binding */ readTaskStatus),
/* harmony export */   mQ: () => (/* binding */ countsOf)
/* harmony export */ });
/* harmony import */ var _http_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2598);
/* harmony import */ var _message_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2283);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8301);
// Reads one answer of `GET /v1/products/_status/{task_id}`. Its body is not documented, so
// the reading is defensive: a few fixed rules, applied in order, decide what an answer means,
// and anything they cannot place is 'unknown' (the poller keeps polling) rather than a guess.
//
// HTTP status first:
//   404                        'not-registered' (the task is not known yet)
//   0 (no answer), 429, 5xx    'unknown', transient: the poller retries, see http-policy.ts
//   3xx, other 4xx             'failed': asking again would get the same refusal (401/403 stop
//                              the whole run, see deletion.ts)
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



/** A set of words, written as one line of text. */
const words = (text) => new Set(text.split(' '));
const RUNNING_WORDS = words('pending queued waiting created scheduled accepted running processing in_progress started');
const SUCCESS_WORDS = words('done completed complete success succeeded finished ok deleted');
const FAILURE_WORDS = words('failed failure error errored cancelled canceled aborted');
const NOT_COUNTS = words('status state code status_code http_status version timestamp time took elapsed duration progress percent');
const NOT_COUNT_SUFFIXES = ['_at', '_id', '_code', '_version', '_time', '_ts', '_ms', '_seconds'];
/** Length of body excerpts in notes. */
const EXCERPT = 80;
/** Levels of nesting shown in an excerpt of a JSON value; deeper ones show as `[…]` / `{…}`. */
const EXCERPT_DEPTH = 8;
function readTaskStatus(answer) {
    const { httpStatus, body } = answer;
    const policy = (0,_http_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyStatus */ .xo)(httpStatus);
    if (httpStatus === 404)
        return { state: 'not-registered', counts: {}, note: 'not registered yet' };
    if (httpStatus === 0)
        return unknown(`no answer: ${excerpt(body)}`);
    if (policy === 'retry' || httpStatus < 200 || httpStatus > 599) {
        const kind = httpStatus === 429 ? ' (rate limited)' : '';
        return unknown(`HTTP ${httpStatus}${kind}: ${excerpt(body)}`);
    }
    if (policy !== 'ok') {
        // Asking again would get the same refusal.
        const note = httpStatus < 400
            ? `status request redirected (HTTP ${httpStatus}); set api-url to the API's own address`
            : `status request refused (HTTP ${httpStatus}): ${excerpt((0,_message_js__WEBPACK_IMPORTED_MODULE_0__/* .misoMessage */ .a)(httpStatus, body))}`;
        return { state: 'failed', counts: {}, note };
    }
    const top = parseObject(body);
    if (!top)
        return unknown(`not a JSON object: ${excerpt(body)}`);
    const data = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(top.data) ? top.data : undefined;
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
    const data = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(top.data) ? top.data : undefined;
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
        else if ((0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(value) && isCount(value.count)) {
            counts[key] = value.count;
        }
    }
    return counts;
}
function isCount(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
function parseObject(body) {
    const value = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJsonOrUndefined */ .rx)(body);
    return (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(value) ? value : undefined;
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
        else if ((0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(item)) {
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
    /** Wakes the workers waiting for a slot, first come first served. */
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
                if (pause > 0)
                    await this.sleep(pause, signal);
                else if (this.inFlight < this.current && (head || this.waiters.length === 0)) {
                    this.inFlight++;
                    let released = false;
                    return () => {
                        if (released)
                            return;
                        released = true;
                        this.inFlight--;
                        this.wakeNext();
                    };
                }
                else {
                    await this.queue(signal, head);
                    head = true;
                }
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
            const wake = () => {
                signal.removeEventListener('abort', onAbort);
                resolve();
            };
            // Still queued when it fires: a woken waiter no longer listens.
            const onAbort = () => {
                this.waiters.splice(this.waiters.indexOf(wake), 1);
                reject(signal.reason);
            };
            if (front)
                this.waiters.unshift(wake);
            else
                this.waiters.push(wake);
            signal.addEventListener('abort', onAbort, { once: true });
        });
    }
    wakeNext() {
        if (this.inFlight < this.current)
            this.waiters.shift()?.();
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
/* harmony export */   kn: () => (/* binding */ toBatches),
/* harmony export */   x5: () => (/* binding */ refusal)
/* harmony export */ });
/* unused harmony exports PlanError, firstOccurrences */
/* harmony import */ var _channel_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4972);
/* harmony import */ var _plural_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9133);


class PlanError extends Error {
    name = 'PlanError';
}
function makePlan(groups, batchSize) {
    for (const group of groups) {
        // Almost always a broken file (a stray CR, a binary blob), and it would break ids-path.
        const bad = group.ids.find(id => id === '' || (0,_channel_js__WEBPACK_IMPORTED_MODULE_0__.hasControl)(id));
        if (bad !== undefined) {
            throw new PlanError(`${describeSource(group)} gave the ID ${JSON.stringify(bad)}, which is empty or holds control characters.`);
        }
    }
    const all = groups.length === 1 ? groups[0].ids : groups.flatMap(group => group.ids);
    const first = firstOccurrences(all);
    const ids = [];
    let at = 0;
    const sources = groups.map(group => {
        const before = ids.length;
        for (const id of group.ids)
            if (first[at++] === 1)
                ids.push(id);
        const { kind, name, detail } = group;
        return {
            kind,
            name,
            detail,
            found: group.ids.length,
            added: ids.length - before,
            ids: group.ids
        };
    });
    return { ids, sources, duplicates: all.length - ids.length, batches: toBatches(ids, batchSize) };
}
/** IDs per bucket that firstOccurrences() aims for: its table then fits in the CPU cache. */
const BUCKET_IDS = 2048;
const MAX_BUCKET_BITS = 16;
/**
 * Marks the first occurrence of each distinct ID (`first[i]` is 1).
 *
 * A Set does the same, but on a million IDs it spends most of its time growing and
 * rehashing, and one table sized for all IDs is slow too: every lookup lands somewhere
 * random in megabytes of memory. So the IDs are hashed once (FNV-1a over UTF-16 code units),
 * sorted into buckets by the hash's top bits, and each bucket is checked with a small table.
 * docs/performance.md has the scenario and the figures.
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
        for (let i = 0; i < id.length; i++)
            hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
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
                    break;
                }
                if (hashes[at] === hash && ids[at] === ids[k])
                    break;
            }
        }
    }
    return first;
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
        return (`${(0,_plural_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .L)(plan.ids.length, 'ID was', 'IDs were')} resolved, more than \`max-deletions\` (${maxDeletions}). ` +
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
    const names = {
        inline: 'Input `product-ids`',
        file: `ID file ${group.name}`,
        'deleted-path': `Content file ${group.name}`,
        'id-list': `ID list ${group.name}`,
        'delete-list': `Delete list ${group.name}`,
        reconcile: `Miso listing ${group.name}`
    };
    return names[group.kind];
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
/* harmony import */ var _github_env_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4626);
// Links the job summary can make to GitHub: commits, the compare view and the pull request.
// Built only from a well-formed GITHUB_SERVER_URL and GITHUB_REPOSITORY, so a link never
// carries text from anywhere else.

/** The repository's links, or undefined when the runner's variables are missing or odd. */
function repositoryLinks(env, event) {
    const url = (0,_github_env_js__WEBPACK_IMPORTED_MODULE_0__/* .repositoryUrlOf */ .ZN)(env);
    const pullNumber = (0,_github_env_js__WEBPACK_IMPORTED_MODULE_0__/* .pullNumberOf */ .ez)(event.name, event.payload);
    const runId = /^\d+$/.test(env.GITHUB_RUN_ID ?? '') ? env.GITHUB_RUN_ID : undefined;
    if (url === undefined)
        return undefined;
    return { url, ...(pullNumber ? { pullNumber } : {}), ...(runId ? { runId } : {}) };
}
/** A commit as its short SHA linked to GitHub; undefined when it is not a SHA. */
function commitLink(links, sha) {
    if (!links || !_github_env_js__WEBPACK_IMPORTED_MODULE_0__/* .SHA */ .hG.test(sha))
        return undefined;
    return `[${sha.slice(0, 7)}](${links.url}/commit/${sha})`;
}
/** GitHub's compare view of base...head, when both are SHAs. */
function compareLink(links, base, head) {
    if (!links || !_github_env_js__WEBPACK_IMPORTED_MODULE_0__/* .SHA */ .hG.test(base) || !_github_env_js__WEBPACK_IMPORTED_MODULE_0__/* .SHA */ .hG.test(head))
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
/* harmony export */   PP: () => (/* binding */ tableHead),
/* harmony export */   be: () => (/* binding */ mdMessage),
/* harmony export */   hD: () => (/* binding */ allEntities),
/* harmony export */   hd: () => (/* binding */ unlinked),
/* harmony export */   ji: () => (/* binding */ mdSection),
/* harmony export */   js: () => (/* binding */ htmlText),
/* harmony export */   pW: () => (/* binding */ firstIds),
/* harmony export */   rX: () => (/* binding */ mdValue)
/* harmony export */ });
/* harmony import */ var _channel_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4972);
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
const CONTROL_RUN = new RegExp(`${_channel_js__WEBPACK_IMPORTED_MODULE_0__.CONTROL.source}+`, 'g');
/** Line breaks and other control characters as spaces. */
function oneLine(text) {
    return text.replace(CONTROL_RUN, ' ');
}
/** Escapes what would make a text that starts a line into a block of its own. */
function leading(text) {
    return text
        .replace(/^\s+/, spaces => '&#32;'.repeat(spaces.length))
        .replace(/^([#+=-])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2');
}
/**
 * The section with as many rows as fit in `room` characters (and at most `max`), then the line
 * `more` gives for the rows left out; '' when not even its head fits. The job summary and the
 * comment cut their lists this way.
 */
function mdSection(section, more, room = Infinity, max = Infinity) {
    const head = [section.heading, '', ...(section.head ?? [])].join('\n') + '\n';
    const count = section.count ?? section.rows.length;
    let budget = room - head.length - more(count).length - 1;
    if (budget < 0)
        return '';
    const shown = [];
    for (const row of section.rows) {
        if (shown.length >= max || row.length + 1 > budget)
            break;
        shown.push(row);
        budget -= row.length + 1;
    }
    const left = count - shown.length;
    return head + shown.join('\n') + '\n' + (left > 0 ? more(left) : '');
}
/** The first IDs of a list, so a reader can see which source gave what. */
function firstIds(ids, show) {
    const shown = ids
        .slice(0, 5)
        .map(id => show(id))
        .join(', ');
    return ids.length > 5 ? `${shown}, … (${ids.length - 5} more)` : shown;
}
/** A Markdown table's head: the titles, then their alignment (a title ending in `:` is right-aligned). */
function tableHead(...titles) {
    const right = (title) => title.endsWith(':');
    const row = (cells) => `| ${cells.join(' | ')} |`;
    return [
        row(titles.map(t => (right(t) ? t.slice(0, -1) : t))),
        row(titles.map(t => (right(t) ? '---:' : '---')))
    ];
}


/***/ }),

/***/ 7330:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FC: () => (/* binding */ misoCounts),
/* harmony export */   GD: () => (/* binding */ notFoundWarning),
/* harmony export */   GF: () => (/* binding */ failedIds),
/* harmony export */   Hk: () => (/* binding */ countTotals),
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
/** Each count Miso reported (`deleted`, `not_found`, …), summed over the batches. */
function countTotals(report) {
    const totals = {};
    for (const batch of report.deletion?.batches ?? []) {
        for (const [name, n] of Object.entries(batch.counts))
            totals[name] = (totals[name] ?? 0) + n;
    }
    return totals;
}
/** What Miso reported deleting and not finding; undefined when no batch said. */
function misoCounts(report) {
    const { deleted, not_found: notFound } = countTotals(report);
    return { deleted, notFound };
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
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2464);
/* harmony import */ var _advice_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2296);
/* harmony import */ var _plural_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9133);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4285);
/* harmony import */ var _run_report_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7330);
/* harmony import */ var _links_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3303);






/** GitHub refuses step summaries over 1 MiB; keep a margin for the trailer lines. */
const SUMMARY_LIMIT = 1_000_000;
const MAX_TABLE_ROWS = 500;
const ICON = {
    succeeded: '✅',
    failed: '❌',
    'timed-out': '⏱️',
    cancelled: '🛑',
    submitted: '📨',
    'dry-run': '🔍',
    empty: '➖',
    restored: '↩️'
};
const BATCH_ICON = { ...ICON, 'not-sent': '⏸️' };
function renderSummary(report, limit = SUMMARY_LIMIT) {
    const parts = [headline(report), notes(report), reconcile(report), sources(report)];
    parts.push(kept(report), undo(report), tasks(report), errors(report));
    // Values are bounded one by one before they get here (see channel.ts); this keeps the whole
    // within the limit however many of them there are, with room left for the ID list.
    const advice = (0,_advice_js__WEBPACK_IMPORTED_MODULE_3__/* .adviceFor */ .c)(report);
    const tail = advice ? ['', '### What to do next', '', (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdMessage */ .be)(advice.next), ''].join('\n') : '';
    const text = parts.filter(part => part !== '').join('\n');
    const head = fitBytes(text, Math.floor(limit * 0.9) - byteLength(tail));
    return head + idList(report, limit - byteLength(head) - byteLength(tail) - 1) + tail;
}
/** A section cut at MAX_TABLE_ROWS rows, saying how many more there are and where. */
function capped(section, what, where) {
    const more = (left) => `\n… ${(0,_plural_js__WEBPACK_IMPORTED_MODULE_4__/* .plural */ .L)(left, `more ${what[0]}`, `more ${what[1]}`)} not shown (see ${where}).\n`;
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdSection */ .ji)(section, more, Infinity, MAX_TABLE_ROWS);
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
    const { plan, deletion } = report;
    const users = report.recordType === 'users' ? ' (users)' : '';
    const lines = [
        `## ${ICON[report.status]} Miso bulk delete${users}: ${report.status}`,
        '',
        ...(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .tableHead */ .PP)('Status', 'IDs:', 'Batches:', 'Tasks:', 'Failed IDs:', 'Time:'),
        `| ${report.status} | ${plan?.ids.length ?? 0} | ${plan?.batches.length ?? 0} | ${deletion?.taskIds.length ?? 0} | ${(0,_run_report_js__WEBPACK_IMPORTED_MODULE_2__/* .failedCount */ .dD)(report)} | ${seconds(report.elapsedMs)} |`,
        ''
    ];
    const { deleted, notFound } = (0,_run_report_js__WEBPACK_IMPORTED_MODULE_2__/* .misoCounts */ .FC)(report);
    const said = [
        deleted !== undefined ? `${deleted} deleted` : '',
        notFound !== undefined ? `${notFound} not found` : ''
    ].filter(part => part !== '');
    if (said.length > 0)
        lines.push(`**Miso reported:** ${said.join(', ')}.`, '');
    if (report.dryRunReason) {
        lines.push(`**Dry run:** ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdMessage */ .be)(report.dryRunReason)}. Nothing was sent to Miso.`, '');
    }
    if (report.status === 'submitted') {
        lines.push('Tasks were submitted without waiting for them (`wait: false`).', '');
    }
    const advice = (0,_advice_js__WEBPACK_IMPORTED_MODULE_3__/* .adviceFor */ .c)(report);
    if (report.error) {
        lines.push(report.refused ? '### Refused' : '### Error', '', (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdMessage */ .be)(report.error), '');
    }
    else if (advice) {
        const cause = /[.!?]$/.test(advice.cause) ? advice.cause : `${advice.cause}.`;
        lines.push(`**Cause:** ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdMessage */ .be)(cause)}`, '');
    }
    return lines.join('\n');
}
function notes(report) {
    // The headline gives the dry run's reason; the log's notice need not repeat it.
    const forced = report.dryRunReason ? (0,_run_report_js__WEBPACK_IMPORTED_MODULE_2__/* .forcedDryRunNotice */ .km)(report.dryRunReason) : undefined;
    const times = new Map();
    for (const note of report.notes)
        if (note !== forced)
            times.set(note, (times.get(note) ?? 0) + 1);
    if (times.size === 0)
        return '';
    const rows = [...times].map(([n, k]) => `- ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdMessage */ .be)(n)}${k > 1 ? ` (${k} times)` : ''}`);
    return capped({ heading: '### Notes', rows }, ['note', 'notes'], 'the log');
}
function sources(report) {
    const plan = report.plan;
    const none = !plan || plan.sources.length === 0;
    // A diff run names the change it read even when the change removed nothing.
    if (none && !report.diff)
        return '';
    const head = report.diff ? diffLines(report, report.diff) : [];
    if (none) {
        return ['### Where the IDs came from', '', ...head, 'No source gave an ID to delete.', ''].join('\n');
    }
    head.push(...(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .tableHead */ .PP)('Source', 'IDs:', 'New:', 'Detail', 'First IDs'));
    const rows = plan.sources.map(s => {
        // Ours for the input (its code span kept), a value for a file.
        const name = s.kind === 'inline' ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdMessage */ .be)((0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .describeSource */ .B6)(s)) : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)((0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .describeSource */ .B6)(s));
        return `| ${name} | ${s.found} | ${s.added} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)(s.detail ?? '')} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .firstIds */ .pW)(s.ids, _markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)} |`;
    });
    const section = { heading: '### Where the IDs came from', head, rows };
    const repeated = plan.duplicates > 0 ? `\nRepeated IDs, sent once: ${plan.duplicates}.\n` : '';
    return capped(section, ['source', 'sources'], 'the `sources-path` output') + repeated;
}
/** The change a diff run read, and what it found besides IDs. */
function diffLines(report, diff) {
    const { base, head, result, via, skipped } = diff;
    const { links } = report;
    const commit = (sha) => (0,_links_js__WEBPACK_IMPORTED_MODULE_5__/* .commitLink */ .wn)(links, sha) ?? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)(sha);
    const pull = (0,_links_js__WEBPACK_IMPORTED_MODULE_5__/* .pullLink */ ._n)(links);
    const extra = [pull ? `pull request ${pull}` : '', (0,_links_js__WEBPACK_IMPORTED_MODULE_5__/* .compareLink */ .yM)(links, base, head) ?? '']
        .filter(x => x !== '')
        .join(', ');
    const at = result === head ? '' : `; IDs still named were read at the merge ${commit(result)}`;
    const reader = via === 'git' ? 'git' : 'the GitHub REST API';
    const lines = [
        `Change: ${commit(base)}..${commit(head)} (read with ${reader})${extra ? `; ${extra}` : ''}${at}`,
        ''
    ];
    if (diff.share) {
        const { deleting, named } = diff.share;
        lines.push(`It deletes ${deleting} of the ${named} IDs that matching files named at ${commit(base)} (checked against \`max-deletions-percent\`).`, '');
    }
    if (skipped.length > 0) {
        const files = skipped.length === 1 ? 'file that carries' : 'files that carry';
        const list = { rows: skipped.map(p => `- ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)(p)}`) };
        lines.push(folded(`Skipped ${skipped.length} matching ${files} no ID (not products)`, list, [
            'file',
            'files'
        ]));
    }
    return lines;
}
/**
 * A list under a one-line `<details>` summary, cut at MAX_TABLE_ROWS rows: hundreds of rows
 * would bury the rest of the summary (the step's debug log names each).
 */
function folded(summary, list, what) {
    const section = { ...list, heading: `<details><summary>${summary}</summary>` };
    return capped(section, what, 'the debug log') + '\n</details>\n';
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
        `| ${info.misoCount} | ${info.repositoryCount} | ${info.deleteCount} | ${info.missingFromMiso} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .firstIds */ .pW)(report.plan?.ids ?? [], _markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)} |`,
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
    const table = {
        head: (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .tableHead */ .PP)('ID', 'File that still names it'),
        rows: keptIds.map(k => `| ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)(k.id)} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)(k.path)} |`)
    };
    const heading = '### Not deleted: still in the repository\n';
    return (heading +
        folded(`${(0,_plural_js__WEBPACK_IMPORTED_MODULE_4__/* .plural */ .L)(keptIds.length, 'ID')} still named at the result`, table, ['ID', 'IDs']));
}
/** Where a deleting run's backup is and how to restore it: the artifact, the workflow, the run. */
function undo(report) {
    const backup = report.undo?.backup;
    if (!backup)
        return '';
    if (backup.count === 0) {
        return '### Undo\n\nNo record was backed up: Miso had none of them (or none could be fetched).\n';
    }
    const { links } = report;
    const run = links?.runId
        ? ` with run ID \`${links.runId}\` ([this run](${links.url}/actions/runs/${links.runId}))`
        : '';
    return [
        '### Undo',
        '',
        `${(0,_plural_js__WEBPACK_IMPORTED_MODULE_4__/* .plural */ .L)(backup.count, 'record')} backed up in the file the \`backup-path\` output names, kept as the artifact \`miso-backup\` by the upload step of the README's "Undo". To put them back, run the restore workflow (examples/workflows/restore.yml)${run}.`,
        ''
    ].join('\n');
}
function tasks(report) {
    const batches = report.deletion?.batches ?? [];
    if (batches.length === 0)
        return '';
    const rows = batches.map(b => {
        const time = b.durationMs === undefined ? '' : seconds(b.durationMs);
        const status = `${BATCH_ICON[b.status]} ${b.status}`;
        return `| ${b.index + 1} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)(b.taskId ?? '')} | ${b.count} | ${status} | ${time} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdValue */ .rX)(formatCounts(b.counts))} |`;
    });
    const head = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .tableHead */ .PP)('Batch:', 'Task ID', 'IDs:', 'Status', 'Time:', 'Counts');
    return capped({ heading: '### Tasks', head, rows }, ['batch', 'batches'], 'the `result-path` output');
}
function errors(report) {
    // The same answer for many batches (a wrong key, an outage) is one row listing them.
    const groups = new Map();
    for (const b of report.deletion?.batches ?? []) {
        if (!b.error)
            continue;
        const key = JSON.stringify([String(b.error.httpStatus ?? ''), b.error.message]);
        groups.set(key, [...(groups.get(key) ?? []), b.index + 1]);
    }
    if (groups.size === 0)
        return '';
    const rows = [...groups].map(([key, batches]) => {
        const [status, message] = JSON.parse(key);
        return `| ${numberRanges(batches)} | ${status} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .mdMessage */ .be)(message)} |`;
    });
    const head = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .tableHead */ .PP)('Batches:', 'HTTP status:', 'Message');
    return capped({ heading: '### Errors', head, rows }, ['error', 'errors'], 'the `result-path` output');
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
    const shown = [];
    for (const id of ids) {
        const line = `${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .htmlText */ .js)(id)}\n`;
        room -= byteLength(line);
        if (room < 0)
            break;
        shown.push(line);
    }
    const left = ids.length - shown.length;
    return open + shown.join('') + close + (left > 0 ? cutNote(left) : '');
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
