export const id = 800;
export const ids = [800];
export const modules = {

/***/ 9800:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  resolveReconcileIds: () => (/* binding */ resolveReconcileIds)
});

// EXTERNAL MODULE: ./src/ids/named-form.ts
var named_form = __webpack_require__(7518);
;// CONCATENATED MODULE: ./src/reconcile/compare.ts
// Reconcile's decision, pure: what Miso lists minus what the repository names is deleted,
// unless a guard refuses it. Sets are built once; a million IDs on each side take well under
// a second (see `npm run bench`).

/**
 * Miso's IDs that the repository does not name (in Miso's order, once each, exactly as listed),
 * and the counts. `repository` holds named forms (see namedForm), the forms the comparison uses.
 */
function compareWithRepository(misoIds, repository) {
    const listed = new Set(misoIds);
    const listedForms = new Set();
    const toDelete = [];
    for (const id of listed) {
        const form = (0,named_form/* namedForm */.C)(id);
        listedForms.add(form);
        if (!repository.has(form))
            toDelete.push(id);
    }
    let missing = 0;
    for (const form of repository)
        if (!listedForms.has(form))
            missing++;
    return { toDelete, misoCount: listed.size, missingFromMiso: missing };
}

// EXTERNAL MODULE: ./src/diff/event.ts
var diff_event = __webpack_require__(8679);
// EXTERNAL MODULE: ./src/diff/git.ts
var git = __webpack_require__(1547);
// EXTERNAL MODULE: ./src/diff/removed-ids.ts + 1 modules
var removed_ids = __webpack_require__(9703);
// EXTERNAL MODULE: ./src/ids/files.ts
var files = __webpack_require__(2429);
;// CONCATENATED MODULE: ./src/reconcile/repository-ids.ts
// Reconcile's other side: every ID the repository names at head. The diff sources' files
// (`deleted-paths` read with `id-from`, `id-list-files` parsed by extension) are read from
// the git checkout at the head commit (`head` input, else HEAD), and `ids-file` adds IDs to
// keep from the workspace.





/** The repository's IDs, read at head. Throws an Error whose message says what to give. */
async function repositoryIds(settings, env, log) {
    const { deletedPaths, idListFiles, idsFiles, workspace, idField, runnerTemp } = settings;
    const fromCommit = deletedPaths.length > 0 || idListFiles.length > 0;
    if (!fromCommit && idsFiles.length === 0) {
        throw new Error('Reconcile needs the IDs the repository names, to keep them: give `deleted-paths` (with `id-from`), `id-list-files` or `ids-file`. Nothing was listed or deleted.');
    }
    const result = fromCommit
        ? await namedAtHead(settings, env, log)
        : { ids: new Set(), sources: [] };
    if (idsFiles.length === 0)
        return result;
    const notes = {
        notice: message => log.notice(message),
        warning: message => log.warning(message),
        maybeId: value => result.ids.add((0,named_form/* namedForm */.C)(value))
    };
    const options = { notes, removedWhen: settings.removedWhen };
    for (const group of await (0,files/* readIdFiles */.V)(idsFiles, workspace, idField, runnerTemp, options)) {
        for (const id of group.ids)
            result.ids.add((0,named_form/* namedForm */.C)(id));
        result.sources.push(`ID file ${group.name}: ${group.ids.length} IDs`);
    }
    return result;
}
/**
 * The IDs the matching files name at head (as a diff's live set is read). Throws naming the
 * file and commit for a file that cannot be read.
 */
async function namedAtHead(settings, env, log) {
    const ctx = { cwd: settings.workspace, env, log };
    const problem = await (0,git/* checkoutProblem */.KU)(ctx);
    if (problem) {
        throw new Error(`Reconcile reads \`deleted-paths\` and \`id-list-files\` from the git checkout, which is not usable (${problem}). Add actions/checkout before this step. Nothing was listed or deleted.`);
    }
    const head = await (0,git/* ensureCommit */.q$)(ctx, settings.head || 'HEAD');
    const at = (0,diff_event/* short */.h0)(head);
    // The same reader as a diff's live set: links resolved, LFS pointers refused.
    const { unmatched, skipped, byFile, byId } = await (0,removed_ids/* namedIdsAt */.J)((0,git/* gitFiles */.IU)(ctx), head, settings, log);
    // A pattern that matches nothing leaves its products out of the repository's set, and
    // reconcile would delete them all: a typo must stop the run, not shrink what is kept.
    if (unmatched.length > 0) {
        const list = unmatched.map(u => `\`${u.input}\` pattern \`${u.pattern}\``).join(', ');
        const [match, name] = unmatched.length === 1 ? ['matches', 'it names'] : ['match', 'they name'];
        throw new Error(`Reconcile refused: ${list} ${match} no file at ${at}, so the products ${name} would count as gone. Likely causes: a typo, or a path relative to the wrong folder (patterns are relative to the repository's root). Fix or remove the pattern. Nothing was listed or deleted.`);
    }
    if (skipped.length > 0) {
        log.notice(`${skipped.length} matching content files at ${at} name no product (e.g. ${skipped[0]}): skipped.`);
    }
    const named = [...byFile.values()].reduce((sum, ids) => sum + ids.length, 0);
    const files = `${byFile.size} files matching \`deleted-paths\` / \`id-list-files\``;
    // byId holds the named forms, ambiguous header rows included (see IdFileNotes).
    return { ids: new Set(byId.keys()), head, sources: [`${files} at ${at}: ${named} IDs`] };
}

;// CONCATENATED MODULE: ./src/reconcile/reconcile.ts


async function resolveReconcileIds(settings, lister, signal, env, log) {
    const repository = await repositoryIds(settings, env, log);
    for (const source of repository.sources)
        log.info(`Repository: ${source}.`);
    if (repository.ids.size === 0) {
        throw new Error(`The repository names no IDs (${repository.sources.join('; ')}): a reconcile would delete every record Miso lists. Nothing was listed or deleted.`);
    }
    const { recordType, reconcileType: type } = settings;
    const what = type ? `${recordType} of type ${JSON.stringify(type)}` : recordType;
    const route = `GET /v1/${recordType}/_ids${type ? `?type=${encodeURIComponent(type)}` : ''}`;
    const listing = await lister.listIds(type, signal);
    if (!listing.ok) {
        const { httpStatus, message } = listing.failure;
        const status = httpStatus !== undefined ? `HTTP ${httpStatus}: ` : '';
        throw new Error(`Could not list the ${what} Miso has (${route}, ${listing.attempts} attempts): ${status}${message}. Nothing was deleted.`);
    }
    const { toDelete, ...counts } = compareWithRepository(listing.ids, repository.ids);
    const { misoCount, missingFromMiso } = counts;
    log.info(`Miso lists ${misoCount} ${what}; the repository names ${repository.ids.size} IDs; ${toDelete.length} listed by Miso are named nowhere in the repository.`);
    if (missingFromMiso > 0) {
        log.notice(`${missingFromMiso} IDs the repository names are not in Miso's listing of ${what}: their uploads may be missing.`);
    }
    const detail = 'listed by Miso, named nowhere in the repository';
    const group = { kind: 'reconcile', name: route, ids: toDelete, detail };
    const { head, ids } = repository;
    const info = { recordType, type, head, ...counts, repositoryCount: ids.size };
    return {
        groups: toDelete.length > 0 ? [group] : [],
        info: { ...info, deleteCount: toDelete.length }
    };
}


/***/ })

};
