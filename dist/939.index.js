export const id = 939;
export const ids = [939];
export const modules = {

/***/ 4528:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ commitFiles)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _event_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8679);
// The files of a commit as a checkout of it would show them, read from git's objects
// (git or the GitHub REST API): symbolic links resolved inside the repository, Git LFS
// pointers and binary files refused, submodules set apart. Never the raw text of a link.



const LINK = '120000';
const SUBMODULE = '160000';
/** As Linux's ELOOP: more links than this on one path is a loop. */
const MAX_LINKS = 40;
/** Git LFS pointer files are small text files starting with this line. */
const LFS_POINTER = /^version https:\/\/(?:git-lfs\.github\.com|hawser\.github\.com)\/spec\/v1\r?\n/;
/** Trees are listed once per commit; blobs are read once per object. */
function commitFiles(reader) {
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
            const paths = [];
            for (const [p, e] of files)
                if (e.mode !== SUBMODULE && !folders.has(p))
                    paths.push(p);
            for (const [link, folder] of folders) {
                for (const [p, e] of files) {
                    // One level: a link to a folder inside a linked folder shows under its own path only.
                    if (e.mode === SUBMODULE || folders.has(p) || !p.startsWith(`${folder}/`))
                        continue;
                    paths.push(`${link}${p.slice(folder.length)}`);
                }
            }
            return paths;
        },
        async submodules(commit) {
            return [...(await tree(commit))].filter(([, e]) => e.mode === SUBMODULE).map(([p]) => p);
        },
        async read(commit, paths) {
            const files = await tree(commit);
            const fail = (file, problem) => {
                throw new Error(`${file} at ${(0,_event_js__WEBPACK_IMPORTED_MODULE_1__/* .short */ .h0)(commit)} ${problem}`);
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
                // Invalid UTF-8 becomes U+FFFD: such an ID matches no product, and the report shows it.
                texts.set(file, bytes.toString('utf8'));
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
            const matches = picomatch__WEBPACK_IMPORTED_MODULE_2___default()(glob, { dot: true, windows: false });
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

/***/ 9293:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ gitFiles),
/* harmony export */   u: () => (/* binding */ openGitComparison)
/* harmony export */ });
/* harmony import */ var _commit_files_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4528);
/* harmony import */ var _event_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8679);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1547);
// Reads a ChangeRange from the git checkout, fetching only the commits it needs.



/** `<sha>^`: the first parent of a commit, as a push that created a branch names it. */
const PARENT_OF = /^([0-9a-f]{40}|[0-9a-f]{64})\^$/;
/** Throws HistoryError when the commits are not in the checkout and cannot be fetched. */
async function openGitComparison(ctx, range) {
    const notices = [];
    const head = await (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .ensureCommit */ .q$)(ctx, range.head);
    // The merge as it landed: in the checkout already, or fetched by SHA like any commit.
    const result = range.result === range.head ? head : await (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .ensureCommit */ .q$)(ctx, range.result);
    let base;
    if (range.mergeBaseOf) {
        base = await (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeBase */ .wu)(ctx, range.mergeBaseOf.base, range.mergeBaseOf.head);
    }
    else {
        try {
            base = await commitOrParent(ctx, range.base);
        }
        catch (error) {
            if (!(error instanceof _git_js__WEBPACK_IMPORTED_MODULE_1__/* .HistoryError */ .tx) || !range.baseFallback)
                throw error;
            notices.push(`${range.baseFallback.notice} (${error.message})`);
            base = await commitOrParent(ctx, range.baseFallback.base);
        }
    }
    if (base === undefined) {
        notices.push(`${(0,_event_js__WEBPACK_IMPORTED_MODULE_2__/* .short */ .h0)(head)} is a root commit: no file existed before it, so none was deleted.`);
    }
    const changes = base === undefined ? [] : await (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .diffChanges */ .Xw)(ctx, base, head);
    return {
        via: 'git',
        base: base ?? head,
        head,
        result,
        changes,
        notices,
        warnings: [],
        ...gitFiles(ctx)
    };
}
/** The files of any commit in the checkout (for reading the IDs a commit names). */
function gitFiles(ctx) {
    return (0,_commit_files_js__WEBPACK_IMPORTED_MODULE_0__/* .commitFiles */ .z)({
        tree: commit => (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .listTree */ .nT)(ctx, commit),
        blobs: objects => (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .readBlobs */ .b4)(ctx, objects)
    });
}
/** The commit `rev` names; for `<sha>^` its parent, undefined when it is a root commit. */
async function commitOrParent(ctx, rev) {
    const parent = PARENT_OF.exec(rev);
    return parent ? (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .parentOf */ .gN)(ctx, parent[1]) : (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .ensureCommit */ .q$)(ctx, rev);
}


/***/ }),

/***/ 1547:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KU: () => (/* binding */ checkoutProblem),
/* harmony export */   Xw: () => (/* binding */ diffChanges),
/* harmony export */   b4: () => (/* binding */ readBlobs),
/* harmony export */   gN: () => (/* binding */ parentOf),
/* harmony export */   nT: () => (/* binding */ listTree),
/* harmony export */   q$: () => (/* binding */ ensureCommit),
/* harmony export */   tx: () => (/* binding */ HistoryError),
/* harmony export */   wu: () => (/* binding */ mergeBase)
/* harmony export */ });
/* unused harmony exports GitError, git, gitSaid, isShallow, resolveCommit */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _event_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8679);
// A small git runner for the diff source. git runs without a shell; refs reach it only
// after validation (event.ts) and paths only as NUL-separated output or blob IDs, so
// file names with spaces, newlines or leading dashes cannot be misread.



class GitError extends Error {
    args;
    exitCode;
    stderr;
    name = 'GitError';
    constructor(args, exitCode, stderr) {
        const said = gitSaid(stderr);
        super(`git ${args[0]} failed (exit ${exitCode})${said ? `; git said: ${said}` : ''}`);
        this.args = args;
        this.exitCode = exitCode;
        this.stderr = stderr;
    }
}
/** The commits the comparison needs are not in the checkout and cannot be fetched. */
class HistoryError extends Error {
    name = 'HistoryError';
}
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** How many more commits each deepening fetch asks for, before fetching everything. */
const DEEPEN_STEPS = [32, 128, 512, 2048];
/** Time limits of one git process: a fetch may move a whole history, the rest is local. */
const FETCH_LIMIT_MS = 600_000;
const LOCAL_LIMIT_MS = 300_000;
/** After SIGTERM, the time git gets to clean up (lock files) before SIGKILL. */
const KILL_GRACE_MS = 2_000;
async function git(ctx, args, options = {}) {
    ctx.signal?.throwIfAborted();
    ctx.log.debug(`git ${args.join(' ')}`);
    const limit = options.timeLimitMs ?? LOCAL_LIMIT_MS;
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('git', ['-c', 'core.quotepath=off', ...args], {
        cwd: ctx.cwd,
        env: { ...ctx.env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never' },
        stdio: ['pipe', 'pipe', 'pipe'],
        // Its own process group, so stopping it also stops the helpers it starts (git-remote-https).
        detached: process.platform !== 'win32'
    });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    // git may exit before reading all of stdin (e.g. on a bad object); that is reported by its exit code.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    let stopped;
    const stop = (why) => {
        if (stopped || child.exitCode !== null)
            return;
        stopped = why;
        killGroup(child, 'SIGTERM');
        setTimeout(() => killGroup(child, 'SIGKILL'), KILL_GRACE_MS).unref();
    };
    const timer = setTimeout(() => stop(new Error(`git ${args[0]} took longer than ${limit / 1000} s and was stopped`)), limit);
    const onAbort = () => stop(abortReason(ctx.signal));
    ctx.signal?.addEventListener('abort', onAbort, { once: true });
    try {
        const code = await new Promise((resolve, reject) => {
            child.on('error', reject);
            child.on('close', resolve);
        });
        if (stopped)
            throw stopped;
        const result = {
            code: code ?? -1,
            stdout: Buffer.concat(stdout),
            stderr: Buffer.concat(stderr).toString('utf8')
        };
        if (!(options.okCodes ?? [0]).includes(result.code))
            throw new GitError(args, code, result.stderr);
        return result;
    }
    finally {
        clearTimeout(timer);
        ctx.signal?.removeEventListener('abort', onAbort);
    }
}
function killGroup(child, signal) {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
        return;
    try {
        if (process.platform === 'win32')
            child.kill(signal);
        else
            process.kill(-child.pid, signal);
    }
    catch {
        // Already gone.
    }
}
function abortReason(signal) {
    return signal.reason instanceof Error ? signal.reason : new Error('cancelled');
}
/**
 * git's own message, made fit to quote after a sentence of ours: the `fatal:` / `error:`
 * prefixes dropped, lines joined, cut short.
 */
function gitSaid(stderr) {
    const text = stderr
        .split('\n')
        .map(line => line.trim().replace(/^(?:fatal|error|warning|hint|remote):\s*/i, ''))
        .filter(Boolean)
        .join('; ');
    return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
/** Why `cwd` is not a checkout git can read the change from, or undefined when it is. */
async function checkoutProblem(ctx) {
    let lines;
    try {
        const { stdout } = await git(ctx, ['rev-parse', '--is-inside-work-tree', '--show-toplevel']);
        lines = stdout.toString('utf8').split('\n');
    }
    catch (error) {
        if (!(error instanceof GitError)) {
            return {
                problem: `git cannot run in ${ctx.cwd}: ${error.message}`,
                noCheckout: true
            };
        }
        const noCheckout = /not a git repository|cannot change to|no such file/i.test(error.stderr);
        return noCheckout
            ? { problem: `${ctx.cwd} is not a git checkout`, noCheckout }
            : { problem: `git cannot read ${ctx.cwd}: ${error.message}`, noCheckout };
    }
    if (lines[0] !== 'true')
        return { problem: `${ctx.cwd} is not inside a git work tree`, noCheckout: true };
    // A workspace nested in some other repository must not be read as that repository.
    const [top, here] = await Promise.all([(0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(lines[1]), (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(ctx.cwd)]);
    if (top !== here) {
        return {
            problem: `${ctx.cwd} is not the top level of its git repository (${lines[1]} is)`,
            noCheckout: true
        };
    }
    return undefined;
}
async function isShallow(ctx) {
    const { stdout } = await git(ctx, ['rev-parse', '--is-shallow-repository']);
    return stdout.toString('utf8').trim() === 'true';
}
/** The full SHA of `rev` as a commit, or undefined when the checkout lacks it. */
async function resolveCommit(ctx, rev) {
    const { code, stdout } = await git(ctx, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], {
        okCodes: [0, 1, 128]
    });
    return code === 0 ? stdout.toString('utf8').trim() : undefined;
}
/**
 * The full SHA of `rev` (SHA, ref, or either with a `~n` / `^n` suffix), fetched from
 * origin when the checkout lacks it: a SHA by itself (no tags, depth 1 in a shallow
 * checkout), a suffix by deepening.
 */
async function ensureCommit(ctx, rev) {
    const found = await resolveCommit(ctx, rev);
    if (found)
        return found;
    const [, name, suffix] = /^(.*?)((?:[~^]\d*)*)$/.exec(rev);
    let tip = suffix ? await resolveCommit(ctx, name) : undefined;
    if (!tip) {
        await fetchFromOrigin(ctx, [name], `commit ${(0,_event_js__WEBPACK_IMPORTED_MODULE_2__/* .short */ .h0)(name)}`, (await isShallow(ctx)) ? ['--depth=1'] : []);
        tip = await resolveCommit(ctx, SHA.test(name) ? name : 'FETCH_HEAD');
        if (!tip)
            throw new HistoryError(`origin sent no commit for ${(0,_event_js__WEBPACK_IMPORTED_MODULE_2__/* .short */ .h0)(name)}`);
    }
    if (!suffix)
        return tip;
    const ancestor = await deepenUntil(ctx, [tip], () => resolveCommit(ctx, `${tip}${suffix}`));
    if (!ancestor)
        throw new HistoryError(`${rev} does not exist: ${(0,_event_js__WEBPACK_IMPORTED_MODULE_2__/* .short */ .h0)(name)} has no such ancestor`);
    return ancestor;
}
/**
 * The first parent of `sha`, fetched when missing; undefined for a root commit. The commit
 * object names its parents even in a shallow checkout, so one fetch by SHA is enough.
 */
async function parentOf(ctx, sha) {
    const commit = await ensureCommit(ctx, sha);
    const { stdout } = await git(ctx, ['cat-file', 'commit', commit]);
    const header = stdout.toString('utf8').split('\n\n')[0];
    const parent = /^parent ([0-9a-f]+)$/m.exec(header)?.[1];
    return parent === undefined ? undefined : ensureCommit(ctx, parent);
}
/** The merge base of two commits, deepening a shallow checkout until it is found. */
async function mergeBase(ctx, a, b) {
    const [first, second] = [await ensureCommit(ctx, a), await ensureCommit(ctx, b)];
    const once = async () => {
        const { code, stdout } = await git(ctx, ['merge-base', first, second], { okCodes: [0, 1] });
        return code === 0 ? stdout.toString('utf8').trim() : undefined;
    };
    const base = await deepenUntil(ctx, [first, second], once);
    if (!base) {
        throw new HistoryError(`${(0,_event_js__WEBPACK_IMPORTED_MODULE_2__/* .short */ .h0)(first)} and ${(0,_event_js__WEBPACK_IMPORTED_MODULE_2__/* .short */ .h0)(second)} have no common history`);
    }
    return base;
}
/** Files changed from `base` to `head`, with renames detected; submodules are flagged. */
async function diffChanges(ctx, base, head) {
    const { stdout } = await git(ctx, [
        'diff',
        '--raw',
        '-z',
        '-M',
        '--no-abbrev',
        '--no-relative',
        '--no-ext-diff',
        '--no-textconv',
        base,
        head,
        '--'
    ]);
    return parseRawDiff(stdout.toString('utf8'));
}
/** Parses `git diff --raw -z`: `:mode mode sha sha status\0path\0[path\0]` per file. */
function parseRawDiff(output) {
    const fields = output.split('\0');
    const changes = [];
    let i = 0;
    while (i < fields.length && fields[i].startsWith(':')) {
        const [oldMode, newMode, , , status] = fields[i].slice(1).split(' ');
        const twoPaths = status[0] === 'R' || status[0] === 'C';
        const first = fields[i + 1];
        const second = twoPaths ? fields[i + 2] : undefined;
        i += twoPaths ? 3 : 2;
        const submodule = oldMode === '160000' || newMode === '160000' ? { submodule: true } : {};
        if (status[0] === 'A' || status[0] === 'C')
            changes.push({ status: 'added', path: second ?? first, ...submodule });
        else if (status[0] === 'D')
            changes.push({ status: 'deleted', path: first, ...submodule });
        else if (status[0] === 'M' || status[0] === 'T')
            changes.push({ status: 'modified', path: first, ...submodule });
        else if (status[0] === 'R')
            changes.push({ status: 'renamed', oldPath: first, path: second, ...submodule });
    }
    return changes;
}
/** Every file, symbolic link and submodule at `commit`: path → entry. */
async function listTree(ctx, commit) {
    const { stdout } = await git(ctx, ['ls-tree', '-r', '-z', '--full-tree', commit]);
    const files = new Map();
    for (const entry of stdout.toString('utf8').split('\0')) {
        // `<mode> <type> <object>\t<path>`; the path may hold anything but NUL.
        const tab = entry.indexOf('\t');
        if (tab < 0)
            continue;
        const [mode, type, object] = entry.slice(0, tab).split(' ');
        if (type === 'blob' || type === 'commit')
            files.set(entry.slice(tab + 1), { mode, object });
    }
    return files;
}
/** The contents of these blobs, read by one `git cat-file --batch`. */
async function readBlobs(ctx, blobs) {
    const wanted = [...new Set(blobs)];
    const contents = new Map();
    if (wanted.length === 0)
        return contents;
    for (const blob of wanted)
        if (!SHA.test(blob))
            throw new Error(`not a blob SHA: ${blob}`);
    const { stdout } = await git(ctx, ['cat-file', '--batch'], { input: `${wanted.join('\n')}\n` });
    let at = 0;
    while (at < stdout.length) {
        const eol = stdout.indexOf(0x0a, at);
        const [object, type, size] = stdout.subarray(at, eol).toString('utf8').split(' ');
        if (type === 'missing' || size === undefined)
            throw new HistoryError(`git has no object ${object}`);
        const start = eol + 1;
        contents.set(object, stdout.subarray(start, start + Number(size)));
        at = start + Number(size) + 1;
    }
    return contents;
}
/**
 * Runs `check` until it finds something, deepening the shallow history of `tips` step by
 * step and, as a last resort, fetching all of it. Undefined when even all history lacks it.
 */
async function deepenUntil(ctx, tips, check) {
    let found = await check();
    for (const step of DEEPEN_STEPS) {
        if (found !== undefined || !(await isShallow(ctx)))
            return found;
        await fetchFromOrigin(ctx, tips, `${step} more commits of history`, [`--deepen=${step}`]);
        found = await check();
    }
    if (found !== undefined || !(await isShallow(ctx)))
        return found;
    await fetchFromOrigin(ctx, tips, 'the whole history', ['--unshallow']);
    return check();
}
async function fetchFromOrigin(ctx, refs, what, options) {
    ctx.log.info(`Fetching ${what} from origin…`);
    try {
        await git(ctx, ['fetch', '--quiet', '--no-tags', '--no-recurse-submodules', ...options, 'origin', ...refs], { timeLimitMs: FETCH_LIMIT_MS });
    }
    catch (error) {
        if (!(error instanceof GitError))
            throw error;
        const said = gitSaid(error.stderr);
        throw new HistoryError(`cannot fetch ${what} from origin${said ? ` (git said: ${said})` : ''}`);
    }
}


/***/ }),

/***/ 9703:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  J: () => (/* binding */ namedIdsAt),
  Z: () => (/* binding */ removedIds)
});

// EXTERNAL MODULE: ./src/plural.ts
var plural = __webpack_require__(9133);
// EXTERNAL MODULE: ./src/ids/formats.ts
var formats = __webpack_require__(7438);
// EXTERNAL MODULE: ./src/patterns.ts
var patterns = __webpack_require__(6248);
// EXTERNAL MODULE: ./src/diff/event.ts
var diff_event = __webpack_require__(8679);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/ids/id-value.ts
var id_value = __webpack_require__(6409);
;// CONCATENATED MODULE: ./src/diff/product-id.ts
// How a content file names its product (`id-from`). Pure: the caller reads the file.




/** A content file that does not name its product the way `id-from` says. */
class ProductIdError extends Error {
    name = 'ProductIdError';
}
/** True when the ID is inside the file, so the file's text must be read. */
function readsContent(idFrom) {
    return idFrom.kind === 'json' || idFrom.kind === 'frontmatter';
}
/**
 * The product ID that the file at `file` (repo-relative) names, at `commit`; undefined when
 * the file does not carry one (no front matter, no such key or field: not a product page).
 * `text` is needed when `readsContent(idFrom)`. Throws ProductIdError naming file and commit
 * when the file cannot be parsed or its ID is unusable.
 */
function productId(idFrom, file, commit, text) {
    const fail = (problem) => {
        throw new ProductIdError(`${file} at ${(0,diff_event/* short */.h0)(commit)}: ${problem}`);
    };
    const parsed = external_node_path_.posix.parse(file);
    let value;
    let what;
    switch (idFrom.kind) {
        case 'filename':
            value = parsed.name;
            what = 'the file name';
            break;
        case 'path':
            value = external_node_path_.posix.join(parsed.dir, parsed.name);
            what = 'the path';
            break;
        case 'json':
            value = (0,id_value/* valueAt */.fK)(parseJsonOrFail(text ?? '', fail), (0,id_value/* parseFieldPath */.Zl)(idFrom.field));
            what = `JSON field "${idFrom.field}"`;
            break;
        case 'frontmatter':
            value = (0,id_value/* valueAt */.fK)(parseFrontMatter(text ?? '', fail), (0,id_value/* parseFieldPath */.Zl)(idFrom.key));
            what = `front matter key "${idFrom.key}"`;
            break;
    }
    if (value === undefined)
        return undefined;
    return idText(value, what, fail);
}
function idText(value, what, fail) {
    const id = (0,id_value/* idOfValue */.I0)(value);
    return typeof id === 'string' ? id : fail(`${what}: ${id.problem}`);
}
function parseJsonOrFail(text, fail) {
    try {
        return JSON.parse(stripBom(text));
    }
    catch (error) {
        return fail(`not valid JSON (${error.message})`);
    }
}
/**
 * The YAML between a leading `---` line and the next `---` (or `...`) line; undefined
 * for a file without front matter.
 */
function parseFrontMatter(text, fail) {
    const lines = stripBom(text).split(/\r?\n/);
    if (lines[0]?.trimEnd() !== '---')
        return undefined;
    const end = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
    if (end < 0)
        return fail('front matter has no closing `---` line');
    try {
        // The failsafe schema keeps every scalar as written: an ID like 00123 stays a string.
        const data = (0,dist/* parse */.qg)(lines.slice(1, end).join('\n'), { schema: 'failsafe' });
        if (typeof data !== 'object' || data === null || Array.isArray(data)) {
            return fail('front matter is not a mapping of keys to values');
        }
        return data;
    }
    catch (error) {
        return fail(`front matter is not valid YAML (${error.message.split('\n')[0]})`);
    }
}
function stripBom(text) {
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

;// CONCATENATED MODULE: ./src/diff/removed-ids.ts





/**
 * Every ID named at `commit` by the files matching `deletedPaths` (read with `idFrom`) and
 * `idListFiles`. Throws naming file and commit for a file that cannot be read or parsed.
 */
async function namedIdsAt(files, commit, rules) {
    const { content, lists } = patternsOf(rules);
    const paths = (await files.paths(commit)).sort(byPath);
    const contentPaths = paths.filter(p => content.chooses(p));
    const listPaths = paths.filter(p => lists.chooses(p));
    const ids = await idsOfFiles(files, commit, contentPaths, listPaths, rules);
    const submodules = (await files.submodules(commit))
        .filter(p => content.chooses(p) || lists.chooses(p))
        .sort(byPath);
    const byId = new Map();
    for (const [file, named] of ids.byFile)
        for (const id of named)
            if (!byId.has(id))
                byId.set(id, file);
    const unmatched = [
        ...content.plain
            .filter(pattern => !paths.some(p => content.matchesPlain(pattern, p)))
            .map(pattern => ({ input: 'deleted-paths', pattern })),
        ...lists.plain
            .filter(pattern => !paths.some(p => lists.matchesPlain(pattern, p)))
            .map(pattern => ({ input: 'id-list-files', pattern }))
    ];
    return { byId, byFile: ids.byFile, skipped: ids.skipped, submodules, unmatched };
}
async function removedIds(cmp, rules) {
    const result = { groups: [], kept: [], skipped: [], notices: [] };
    const patterns = patternsOf(rules);
    // In path order at base, so git and the REST API report alike.
    const changes = [...cmp.changes].sort((a, b) => byPath(pathAtBase(a) ?? a.path, pathAtBase(b) ?? b.path));
    const unmatched = noMatchNotice(changes, rules, patterns);
    if (unmatched)
        result.notices.push(unmatched);
    const submodules = new Set();
    const candidates = [];
    for (const change of changes) {
        if (change.submodule) {
            for (const p of [change.path, change.oldPath])
                if (p && chosen(patterns, p))
                    submodules.add(p);
            continue;
        }
        candidates.push(...candidatesOf(change, patterns));
    }
    if (candidates.length > 0) {
        const range = `${(0,diff_event/* short */.h0)(cmp.base)}..${(0,diff_event/* short */.h0)(cmp.head)}`;
        const atBase = await idsOfFiles(cmp, cmp.base, candidates.filter(c => c.kind === 'deleted-path').map(c => c.basePath), candidates.filter(c => c.kind === 'id-list').map(c => c.basePath), rules);
        const live = await namedIdsAt(cmp, cmp.result, rules);
        for (const p of live.submodules)
            submodules.add(p);
        const own = await ownIdsAtHead(cmp, candidates, patterns, rules, live);
        result.skipped = [...new Set([...atBase.skipped, ...live.skipped, ...own.skipped])].sort(byPath);
        const keptIds = new Set();
        for (const candidate of candidates) {
            const before = unique(atBase.byFile.get(candidate.basePath) ?? []);
            // What the change itself left in the file is not removed by it, whatever the result
            // holds (the base branch may have removed it meanwhile: that is another run's change).
            const stays = new Set(ownPath(candidate, patterns) ? own.byFile.get(candidate.headPath) : []);
            const removed = [];
            for (const id of before) {
                if (stays.has(id))
                    continue;
                const keeper = live.byId.get(id);
                if (keeper === undefined)
                    removed.push(id);
                else if (!keptIds.has(id)) {
                    keptIds.add(id);
                    result.kept.push({ id, path: keeper });
                }
            }
            if (removed.length === 0)
                continue;
            result.groups.push({
                kind: candidate.kind,
                name: candidate.basePath,
                ids: removed,
                detail: candidate.kind === 'id-list'
                    ? listDetail(candidate, range, removed, before)
                    : candidate.detail
            });
        }
    }
    if (submodules.size > 0)
        result.notices.push(submoduleNotice([...submodules].sort(byPath)));
    return result;
}
/**
 * The file at head whose IDs the change kept in place: the same page (a moved page is
 * reported as kept, with where it went), or the same list, renamed or not.
 */
function ownPath(candidate, patterns) {
    const { headPath, basePath, kind } = candidate;
    if (headPath === undefined)
        return false;
    return kind === 'id-list'
        ? patterns.lists.chooses(headPath)
        : headPath === basePath && patterns.content.chooses(headPath);
}
/** The IDs the candidates' own files name at head (at the result when that is head). */
async function ownIdsAtHead(cmp, candidates, patterns, rules, live) {
    if (cmp.result === cmp.head)
        return { byFile: live.byFile, skipped: [] };
    const paths = (kind) => candidates.filter(c => c.kind === kind && ownPath(c, patterns)).map(c => c.headPath);
    return idsOfFiles(cmp, cmp.head, paths('deleted-path'), paths('id-list'), rules);
}
/** What the change did to a matching file, as candidates (a path may match both inputs). */
function candidatesOf(change, patterns) {
    const basePath = pathAtBase(change);
    if (basePath === undefined)
        return [];
    const headPath = change.status === 'deleted' ? undefined : change.path;
    const detail = change.status === 'renamed'
        ? `renamed to ${change.path}`
        : change.status === 'deleted'
            ? 'deleted'
            : 'edited';
    const found = [];
    if (patterns.content.chooses(basePath))
        found.push({ kind: 'deleted-path', basePath, headPath, detail });
    if (patterns.lists.chooses(basePath))
        found.push({ kind: 'id-list', basePath, headPath, detail });
    return found;
}
function listDetail(candidate, range, removed, before) {
    const counts = removed.length < before.length
        ? `${removed.length} of ${(0,plural/* plural */.L)(before.length, 'ID')} removed`
        : removed.length === 1
            ? 'its one ID removed'
            : `all ${removed.length} IDs removed`;
    return `${candidate.detail} in ${range}: ${counts}`;
}
/** The IDs each file names at `commit`: content files through `id-from`, ID lists parsed. */
async function idsOfFiles(files, commit, contentPaths, listPaths, rules) {
    const toRead = [...new Set([...(readsContent(rules.idFrom) ? contentPaths : []), ...listPaths])];
    const texts = toRead.length > 0 ? await files.read(commit, toRead) : new Map();
    const byFile = new Map();
    const skipped = [];
    const add = (file, ids) => byFile.set(file, [...(byFile.get(file) ?? []), ...ids]);
    for (const file of contentPaths) {
        const id = productId(rules.idFrom, file, commit, texts.get(file));
        if (id === undefined)
            skipped.push(file);
        else
            add(file, [id]);
    }
    for (const file of listPaths)
        add(file, idsOf(texts.get(file) ?? '', file, commit, rules.idField));
    return { byFile: new Map([...byFile].sort(([a], [b]) => byPath(a, b))), skipped };
}
function idsOf(text, file, commit, idField) {
    try {
        return (0,formats/* parseIds */.Ae)(text, file, idField);
    }
    catch (error) {
        throw new Error(`${error.message} (at ${(0,diff_event/* short */.h0)(commit)})`, { cause: error });
    }
}
function patternsOf(rules) {
    return {
        content: (0,patterns/* pathPatterns */.h)(rules.deletedPaths, 'deleted-paths'),
        lists: (0,patterns/* pathPatterns */.h)(rules.idListFiles, 'id-list-files')
    };
}
function chosen(patterns, path) {
    return patterns.content.chooses(path) || patterns.lists.chooses(path);
}
/**
 * When the change touched files but no pattern chose any of them: how many changed and
 * which patterns matched none, so a typo never passes as "nothing to delete".
 */
function noMatchNotice(changes, rules, patterns) {
    const paths = changes.flatMap(c => (c.oldPath ? [c.oldPath, c.path] : [c.path]));
    if (paths.length === 0 || paths.some(p => chosen(patterns, p)))
        return undefined;
    const inputs = [
        ['deleted-paths', rules.deletedPaths, patterns.content],
        ['id-list-files', rules.idListFiles, patterns.lists]
    ];
    const why = [];
    for (const [input, given, rule] of inputs) {
        if (given.length === 0)
            continue;
        if (rule.plain.length === 0) {
            why.push(`\`${input}\` has only \`!\` patterns, which choose nothing`);
            continue;
        }
        const none = rule.plain.filter(pattern => !paths.some(p => rule.matchesPlain(pattern, p)));
        const excludedOnly = rule.plain.filter(pattern => !none.includes(pattern));
        if (none.length > 0)
            why.push(`\`${input}\` ${none.length === 1 ? 'pattern' : 'patterns'} ${none.map(p => `\`${p}\``).join(', ')} matched no changed file`);
        if (excludedOnly.length > 0)
            why.push(`every changed file that \`${input}\` ${excludedOnly.length === 1 ? 'pattern' : 'patterns'} ${excludedOnly.map(p => `\`${p}\``).join(', ')} matched is left out by a \`!\` pattern`);
    }
    return `The change touched ${(0,plural/* plural */.L)(changes.length, 'file')}, but none matched the diff source's patterns, so it removes nothing: ${why.join('; ')}. Check the patterns for a typo.`;
}
function submoduleNotice(paths) {
    const shown = paths.slice(0, 5).join(', ');
    const more = paths.length > 5 ? ` and ${paths.length - 5} more` : '';
    return `${(0,plural/* plural */.L)(paths.length, 'submodule')} ${paths.length === 1 ? 'matches' : 'match'} the diff source's patterns and ${paths.length === 1 ? 'is' : 'are'} skipped (a submodule is another repository's commit, not a file): ${shown}${more}.`;
}
/** The file's path at base, or undefined for a file the change added. */
function pathAtBase(change) {
    if (change.status === 'added')
        return undefined;
    return change.status === 'renamed' ? change.oldPath : change.path;
}
function byPath(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function unique(ids) {
    return [...new Set(ids)];
}


/***/ })

};
