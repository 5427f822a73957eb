export const id = 715;
export const ids = [715];
export const modules = {

/***/ 2715:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  resolveDiffIds: () => (/* binding */ resolveDiffIds)
});

// EXTERNAL MODULE: ./src/plural.ts
var plural = __webpack_require__(9133);
// EXTERNAL MODULE: ./src/diff/event.ts
var diff_event = __webpack_require__(8679);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/diff/git.ts
// A small git runner for the diff source. git runs without a shell; refs reach it only
// after validation (event.ts) and paths only as NUL-separated output or blob IDs, so
// file names with spaces, newlines or leading dashes cannot be misread.



class GitError extends Error {
    args;
    exitCode;
    stderr;
    name = 'GitError';
    constructor(args, exitCode, stderr) {
        super(`git ${args[0]} failed (exit ${exitCode}): ${firstLines(stderr) || 'no message'}`);
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
async function git(ctx, args, options = {}) {
    ctx.debug?.(`git ${args.join(' ')}`);
    const child = (0,external_node_child_process_.spawn)('git', ['-c', 'core.quotepath=off', ...args], {
        cwd: ctx.cwd,
        env: { ...ctx.env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never' },
        stdio: ['pipe', 'pipe', 'pipe']
    });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    // git may exit before reading all of stdin (e.g. on a bad object); that is reported by its exit code.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    const code = await new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', resolve);
    });
    const result = {
        code: code ?? -1,
        stdout: Buffer.concat(stdout),
        stderr: Buffer.concat(stderr).toString('utf8')
    };
    if (!(options.okCodes ?? [0]).includes(result.code))
        throw new GitError(args, code, result.stderr);
    return result;
}
/** Why `cwd` is not a checkout git can read the change from, or undefined when it is. */
async function checkoutProblem(ctx) {
    let lines;
    try {
        const { stdout } = await git(ctx, ['rev-parse', '--is-inside-work-tree', '--show-toplevel']);
        lines = stdout.toString('utf8').split('\n');
    }
    catch (error) {
        return `git cannot read ${ctx.cwd}: ${error.message}`;
    }
    if (lines[0] !== 'true')
        return `${ctx.cwd} is not inside a git work tree`;
    // A workspace nested in some other repository must not be read as that repository.
    const [top, here] = await Promise.all([(0,promises_.realpath)(lines[1]), (0,promises_.realpath)(ctx.cwd)]);
    if (top !== here)
        return `${ctx.cwd} is not the top level of its git repository (${lines[1]} is)`;
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
        await fetchFromOrigin(ctx, [name], `commit ${(0,diff_event/* short */.h0)(name)}`, (await isShallow(ctx)) ? ['--depth=1'] : []);
        tip = await resolveCommit(ctx, SHA.test(name) ? name : 'FETCH_HEAD');
        if (!tip)
            throw new HistoryError(`origin sent no commit for ${(0,diff_event/* short */.h0)(name)}`);
    }
    if (!suffix)
        return tip;
    const ancestor = await deepenUntil(ctx, [tip], () => resolveCommit(ctx, `${tip}${suffix}`));
    if (!ancestor)
        throw new HistoryError(`${rev} does not exist: ${(0,diff_event/* short */.h0)(name)} has no such ancestor`);
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
        throw new HistoryError(`${(0,diff_event/* short */.h0)(first)} and ${(0,diff_event/* short */.h0)(second)} have no common history`);
    }
    return base;
}
/**
 * Files changed from `base` to `head`, with renames detected. Submodules are left out:
 * they are not files the diff source can read.
 */
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
        if (oldMode === '160000' || newMode === '160000')
            continue;
        if (status[0] === 'A' || status[0] === 'C')
            changes.push({ status: 'added', path: second ?? first });
        else if (status[0] === 'D')
            changes.push({ status: 'deleted', path: first });
        else if (status[0] === 'M' || status[0] === 'T')
            changes.push({ status: 'modified', path: first });
        else if (status[0] === 'R')
            changes.push({ status: 'renamed', oldPath: first, path: second });
    }
    return changes;
}
/** Every file at `commit`: path → blob SHA. */
async function listTree(ctx, commit) {
    const { stdout } = await git(ctx, ['ls-tree', '-r', '-z', '--full-tree', commit]);
    const files = new Map();
    for (const entry of stdout.toString('utf8').split('\0')) {
        // `<mode> <type> <object>\t<path>`; the path may hold anything but NUL.
        const tab = entry.indexOf('\t');
        if (tab < 0)
            continue;
        const [, type, object] = entry.slice(0, tab).split(' ');
        if (type === 'blob')
            files.set(entry.slice(tab + 1), object);
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
    try {
        await git(ctx, [
            'fetch',
            '--quiet',
            '--no-tags',
            '--no-recurse-submodules',
            ...options,
            'origin',
            ...refs
        ]);
    }
    catch (error) {
        if (!(error instanceof GitError))
            throw error;
        throw new HistoryError(`cannot fetch ${what} from origin: ${firstLines(error.stderr) || error.message}`);
    }
}
function firstLines(text) {
    return text.trim().split('\n').slice(0, 3).join(' / ');
}

;// CONCATENATED MODULE: ./src/diff/git-comparison.ts


/** `<sha>^`: the first parent of a commit, as a push that created a branch names it. */
const PARENT_OF = /^([0-9a-f]{40}|[0-9a-f]{64})\^$/;
/** Throws HistoryError when the commits are not in the checkout and cannot be fetched. */
async function openGitComparison(ctx, range) {
    const notices = [];
    const head = await ensureCommit(ctx, range.head);
    let base;
    if (range.mergeBaseOf) {
        base = await mergeBase(ctx, range.mergeBaseOf.base, range.mergeBaseOf.head);
    }
    else {
        try {
            base = await commitOrParent(ctx, range.base);
        }
        catch (error) {
            if (!(error instanceof HistoryError) || !range.baseFallback)
                throw error;
            notices.push(`${range.baseFallback.notice} (${error.message})`);
            base = await commitOrParent(ctx, range.baseFallback.base);
        }
    }
    if (base === undefined) {
        notices.push(`${(0,diff_event/* short */.h0)(head)} is a root commit: no file existed before it, so none was deleted.`);
    }
    const changes = base === undefined ? [] : await diffChanges(ctx, base, head);
    const trees = new Map();
    const tree = (commit) => {
        if (!trees.has(commit))
            trees.set(commit, listTree(ctx, commit));
        return trees.get(commit);
    };
    return {
        via: 'git',
        base: base ?? head,
        head,
        changes,
        notices,
        warnings: [],
        async read(side, paths) {
            const commit = side === 'base' ? (base ?? head) : head;
            const files = await tree(commit);
            const blobs = paths.map(path => {
                const blob = files.get(path);
                if (blob === undefined)
                    throw new Error(`${path} is not a file at ${(0,diff_event/* short */.h0)(commit)}`);
                return blob;
            });
            const contents = await readBlobs(ctx, blobs);
            return new Map(paths.map((path, i) => [path, contents.get(blobs[i]).toString('utf8')]));
        },
        async headPaths() {
            return [...(await tree(head)).keys()];
        }
    };
}
/** The commit `rev` names; for `<sha>^` its parent, undefined when it is a root commit. */
async function commitOrParent(ctx, rev) {
    const parent = PARENT_OF.exec(rev);
    return parent ? parentOf(ctx, parent[1]) : ensureCommit(ctx, rev);
}

// EXTERNAL MODULE: ./src/diff/github-rest.ts
var github_rest = __webpack_require__(5603);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/ids/formats.ts
var formats = __webpack_require__(7438);
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
 * The product ID that the file at `file` (repo-relative) names, at `commit`.
 * `text` is needed when `readsContent(idFrom)`. Throws ProductIdError naming file and commit.
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
            value = (0,id_value/* valueAt */.fK)(parseJson(text ?? '', fail), (0,id_value/* parseFieldPath */.Zl)(idFrom.field));
            what = `JSON field "${idFrom.field}"`;
            break;
        case 'frontmatter':
            value = (0,id_value/* valueAt */.fK)(parseFrontMatter(text ?? '', fail), (0,id_value/* parseFieldPath */.Zl)(idFrom.key));
            what = `front matter key "${idFrom.key}"`;
            break;
    }
    return idText(value, what, fail);
}
function idText(value, what, fail) {
    if (value === undefined)
        return fail(`${what} is missing`);
    const id = (0,id_value/* idOfValue */.I0)(value);
    return typeof id === 'string' ? id : fail(`${what}: ${id.problem}`);
}
function parseJson(text, fail) {
    try {
        return JSON.parse(stripBom(text));
    }
    catch (error) {
        return fail(`not valid JSON (${error.message})`);
    }
}
/** The YAML between a leading `---` line and the next `---` (or `...`) line. */
function parseFrontMatter(text, fail) {
    const lines = stripBom(text).split(/\r?\n/);
    if (lines[0]?.trimEnd() !== '---')
        return fail('has no front matter (no leading `---` line)');
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
// The IDs a change removes: products of deleted (or renamed) content files, and IDs
// dropped from ID list files. An ID that a file at head still yields is kept, so
// moving content or an ID between files never deletes a product.





async function removedIds(cmp, rules) {
    const result = { groups: [], kept: [] };
    // In path order at base, so git and the REST API report alike.
    const changes = [...cmp.changes].sort((a, b) => byPath(pathAtBase(a) ?? '', pathAtBase(b) ?? ''));
    const sorted = { ...cmp, changes };
    if (rules.deletedPaths.length > 0)
        await contentFiles(sorted, rules, result);
    if (rules.idListFiles.length > 0)
        await listFiles(sorted, rules, result);
    return result;
}
/** `deleted-paths`: each deleted or renamed matching file removes the product it names. */
async function contentFiles(cmp, rules, result) {
    const matches = matcher(rules.deletedPaths);
    const gone = [];
    for (const change of cmp.changes) {
        const basePath = pathAtBase(change);
        if (basePath === undefined || !matches(basePath))
            continue;
        if (change.status === 'deleted')
            gone.push({ basePath, detail: 'deleted' });
        // A rename counts too: whether the product survives is decided below, by what head yields.
        if (change.status === 'renamed')
            gone.push({ basePath, detail: `renamed to ${change.path}` });
    }
    if (gone.length === 0)
        return;
    const idAt = async (side, paths) => {
        const commit = side === 'base' ? cmp.base : cmp.head;
        const texts = readsContent(rules.idFrom) ? await cmp.read(side, paths) : undefined;
        return new Map(paths.map(p => [p, productId(rules.idFrom, p, commit, texts?.get(p))]));
    };
    const baseIds = await idAt('base', gone.map(g => g.basePath));
    // Every matching file at head, unchanged ones too: two files may name the same product.
    const stillYielded = invert(await idAt('head', (await cmp.headPaths()).filter(matches)));
    for (const file of gone) {
        const id = baseIds.get(file.basePath);
        const keeper = stillYielded.get(id);
        if (keeper !== undefined)
            result.kept.push({ id, path: keeper });
        else
            result.groups.push({
                kind: 'deleted-path',
                name: file.basePath,
                ids: [id],
                detail: file.detail
            });
    }
}
/** `id-list-files`: IDs in a changed list file at base that no list file at head has. */
async function listFiles(cmp, rules, result) {
    const matches = matcher(rules.idListFiles);
    const changed = [];
    for (const change of cmp.changes) {
        const basePath = pathAtBase(change);
        if (basePath === undefined || !matches(basePath))
            continue;
        const headPath = change.status === 'deleted' || !matches(change.path) ? undefined : change.path;
        const detail = change.status === 'renamed' ? `renamed to ${change.path}` : headPath ? 'edited' : 'deleted';
        changed.push({ basePath, headPath, detail });
    }
    if (changed.length === 0)
        return;
    const parsed = async (side, paths) => {
        const commit = side === 'base' ? cmp.base : cmp.head;
        const texts = await cmp.read(side, paths);
        return new Map(paths.map(p => [p, idsOf(texts.get(p) ?? '', p, commit, rules.idField)]));
    };
    const atBase = await parsed('base', changed.map(c => c.basePath));
    const atHead = await parsed('head', (await cmp.headPaths()).filter(matches));
    const stillListed = invert(atHead);
    const range = `${(0,diff_event/* short */.h0)(cmp.base)}..${(0,diff_event/* short */.h0)(cmp.head)}`;
    for (const file of changed) {
        const before = unique(atBase.get(file.basePath) ?? []);
        const own = new Set(file.headPath ? atHead.get(file.headPath) : []);
        const removed = [];
        for (const id of before) {
            if (own.has(id))
                continue;
            const keeper = stillListed.get(id);
            if (keeper !== undefined)
                result.kept.push({ id, path: keeper });
            else
                removed.push(id);
        }
        if (removed.length === 0)
            continue;
        const counts = file.headPath
            ? `${removed.length} of ${(0,plural/* plural */.L)(before.length, 'ID')} removed`
            : removed.length === 1
                ? 'its one ID removed'
                : `all ${removed.length} IDs removed`;
        result.groups.push({
            kind: 'id-list',
            name: file.basePath,
            ids: removed,
            detail: `${file.detail} in ${range}: ${counts}`
        });
    }
}
function idsOf(text, file, commit, idField) {
    try {
        return (0,formats/* parseIds */.Ae)(text, file, idField);
    }
    catch (error) {
        throw new Error(`${error.message} (at ${(0,diff_event/* short */.h0)(commit)})`, { cause: error });
    }
}
/** The file's path at base, or undefined for a file the change added. */
function pathAtBase(change) {
    if (change.status === 'added')
        return undefined;
    return change.status === 'renamed' ? change.oldPath : change.path;
}
function matcher(globs) {
    // `s`: a wildcard matches a newline in a file name too.
    return picomatch_default()(globs, { dot: true, flags: 's' });
}
/** ID → the first file (in path order) that yields it. */
function invert(idsByFile) {
    const byId = new Map();
    for (const [file, ids] of [...idsByFile].sort(([a], [b]) => byPath(a, b))) {
        for (const id of typeof ids === 'string' ? [ids] : ids)
            if (!byId.has(id))
                byId.set(id, file);
    }
    return byId;
}
function byPath(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function unique(ids) {
    return [...new Set(ids)];
}

;// CONCATENATED MODULE: ./src/diff/diff-source.ts






/** Called only when `deleted-paths` or `id-list-files` is set. */
async function resolveDiffIds(settings, event, env, log) {
    const range = (0,diff_event/* changeRangeFor */.$H)(event.name, event.payload, settings);
    if ('error' in range)
        throw new Error(range.error);
    log.info(range.reason);
    if (range.base === range.head) {
        return {
            groups: [],
            base: range.base,
            head: range.head,
            via: 'git',
            notices: range.notices,
            warnings: [],
            kept: []
        };
    }
    const cmp = await openComparison(settings, range, env, log);
    log.info(`Comparing ${(0,diff_event/* short */.h0)(cmp.base)}..${(0,diff_event/* short */.h0)(cmp.head)} (${cmp.via}): ${(0,plural/* plural */.L)(cmp.changes.length, 'file')} changed.`);
    const { groups, kept } = await removedIds(cmp, settings);
    for (const group of groups)
        log.debug(`${group.name} (${group.detail}): ${group.ids.join(', ')}`);
    for (const { id, path } of kept)
        log.info(`Kept ${id}: ${path} still names it at ${(0,diff_event/* short */.h0)(cmp.head)}.`);
    return {
        groups,
        base: cmp.base,
        head: cmp.head,
        via: cmp.via,
        notices: [...range.notices, ...cmp.notices],
        warnings: cmp.warnings,
        kept
    };
}
/** Git when the workspace is a checkout that has (or can fetch) the commits; else REST. */
async function openComparison(settings, range, env, log) {
    const ctx = { cwd: settings.workspace, env, debug: (message) => log.debug(message) };
    let problem = await checkoutProblem(ctx);
    if (!problem) {
        try {
            return await openGitComparison(ctx, range);
        }
        catch (error) {
            if (!(error instanceof HistoryError))
                throw error;
            problem = error.message;
        }
    }
    if (!settings.githubToken) {
        throw new Error(`The diff source cannot read the change with git (${problem}). Add actions/checkout before this step (the default fetch-depth 1 is enough), or pass \`github-token\` so the GitHub API can be used instead.`);
    }
    log.debug(`git cannot read the change: ${problem}`);
    const cmp = await (0,github_rest/* openRestComparison */.Sd)(await github_rest/* GitHubRest */.yS.open(settings.githubToken, (0,github_rest/* restTarget */.Ys)(env)), range, env);
    cmp.notices.unshift(`Read the change through the GitHub API, as git could not: ${problem}.`);
    return cmp;
}


/***/ }),

/***/ 5603:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sd: () => (/* binding */ openRestComparison),
/* harmony export */   Ys: () => (/* binding */ restTarget),
/* harmony export */   d_: () => (/* binding */ octokitFor),
/* harmony export */   yS: () => (/* binding */ GitHubRest)
/* harmony export */ });
/* harmony import */ var _event_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8679);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8301);


/** GitHub lists at most this many files in a comparison, and in a pull request. */
const COMPARE_FILE_CAP = 300;
const PULL_FILE_CAP = 3000;
/** Files read at once through the contents API. */
const READ_CONCURRENCY = 8;
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
    constructor(octokit, target) {
        this.octokit = octokit;
        this.target = target;
    }
    static async open(token, target) {
        return new GitHubRest(await octokitFor(token, target.apiUrl), target);
    }
    /** The commit a SHA or ref names; undefined when GitHub knows no such commit. */
    async commit(ref) {
        try {
            const data = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .objectOrEmpty */ .YN)(await this.get(`commits/${segments(ref)}`));
            const parents = Array.isArray(data.parents) ? data.parents : [];
            return { sha: String(data.sha), parents: parents.map(p => String((0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .objectOrEmpty */ .YN)(p).sha)) };
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
            const body = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .objectOrEmpty */ .YN)(data);
            mergeBase ||= String((0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .objectOrEmpty */ .YN)(body.merge_base_commit).sha ?? '');
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
    /** The text of a file at a commit. */
    async fileText(path, ref) {
        const url = this.url(`contents/${segments(path)}?ref=${encodeURIComponent(ref)}`);
        try {
            const { data } = await this.octokit.request({
                method: 'GET',
                url,
                mediaType: { format: 'raw' }
            });
            if (typeof data === 'string')
                return data;
            if (data instanceof ArrayBuffer)
                return Buffer.from(data).toString('utf8');
            throw new Error('the answer is not the raw file');
        }
        catch (error) {
            throw new Error(`cannot read ${path} at ${(0,_event_js__WEBPACK_IMPORTED_MODULE_1__/* .short */ .h0)(ref)} from GitHub: ${messageOf(error)}`, {
                cause: error
            });
        }
    }
    /** Every file path at a commit; `truncated` when GitHub cut the listing short. */
    async tree(sha) {
        const body = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .objectOrEmpty */ .YN)(await this.get(`git/trees/${segments(sha)}?recursive=1`));
        const entries = Array.isArray(body.tree) ? body.tree.map(_json_js__WEBPACK_IMPORTED_MODULE_0__/* .objectOrEmpty */ .YN) : [];
        const paths = entries.filter(e => e.type === 'blob').map(e => String(e.path));
        return { paths, truncated: body.truncated === true };
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
            return { data: response.data, next: nextLink(response.headers.link) };
        }
        catch (error) {
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
    const headRef = range.head === 'HEAD' ? (env.GITHUB_SHA ?? '') : range.head;
    const head = (await api.commit(headRef))?.sha;
    if (!head)
        throw new Error(`GitHub knows no commit ${JSON.stringify(headRef)} (the head to compare)`);
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
    const commitOf = (side) => (side === 'base' ? base : head);
    // Both kinds of rule ask for it; one recursive tree can be megabytes.
    let headTree;
    const listHead = async () => {
        const { paths, truncated } = await api.tree(head);
        if (truncated) {
            // Deleting on a partial listing could delete a product that a file still names.
            throw new Error(`GitHub cut short the file list of ${(0,_event_js__WEBPACK_IMPORTED_MODULE_1__/* .short */ .h0)(head)} (too many files), so it cannot be checked that no other file still names a deleted ID. Add actions/checkout before this step so git can read the change.`);
        }
        return paths;
    };
    return {
        via: 'rest',
        base,
        head,
        changes,
        notices,
        warnings,
        async read(side, paths) {
            const commit = commitOf(side);
            const texts = await mapLimited(paths, READ_CONCURRENCY, path => api.fileText(path, commit));
            return new Map(paths.map((path, i) => [path, texts[i]]));
        },
        headPaths() {
            headTree ??= listHead();
            return headTree;
        }
    };
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
async function octokitFor(token, baseUrl) {
    // Loaded only when needed: most runs read the change with git.
    const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    return getOctokit(token, { baseUrl });
}
function capWarning(what, cap) {
    return `GitHub lists at most ${cap} changed files for ${what}, and this change has at least that many: files beyond them were not checked, so some deletions may be missing. Add actions/checkout before this step so git reads the whole change.`;
}
/** A file entry of compare / pull request files, as a FileChange. */
function fileChange(value) {
    const file = (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .objectOrEmpty */ .YN)(value);
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
function nextLink(link) {
    return link
        ?.split(',')
        .map(part => /<([^>]+)>\s*;\s*rel="next"/.exec(part)?.[1])
        .find(Boolean);
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
