export const id = 124;
export const ids = [124];
export const modules = {

/***/ 4124:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   resolveReconcileIds: () => (/* binding */ resolveReconcileIds)
/* harmony export */ });
/* unused harmony export compareWithRepository */
/* harmony import */ var _diff_event_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8679);
/* harmony import */ var _diff_git_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1547);
/* harmony import */ var _diff_removed_ids_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9703);
/* harmony import */ var _ids_formats_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7438);
/* harmony import */ var _ids_named_form_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7518);
/* harmony import */ var _miso_answers_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7667);
// Reconcile mode (`reconcile: true`): instead of a change, compare Miso with the repository.
// The repository's IDs are read first (a source is required and the set must not be empty),
// then Miso's listing; what Miso lists and the repository no longer names becomes the one
// source of IDs to delete. Guards on the size of that deletion are main's (see percentRefusal).






/**
 * The IDs to delete: what Miso lists minus what the repository names at head: the diff
 * sources' files (`deleted-paths` read with `id-from`, `id-list-files` parsed by extension)
 * from the git checkout at the head commit (`head` input, else HEAD), and `ids-file`'s IDs to
 * keep from the workspace. Throws an Error whose message says what to give.
 */
async function resolveReconcileIds(settings, lister, signal, env, log) {
    const { deletedPaths, idListFiles, idsFiles, workspace, idField, runnerTemp } = settings;
    const fromCommit = deletedPaths.length > 0 || idListFiles.length > 0;
    if (!fromCommit && idsFiles.length === 0)
        throw new Error('Reconcile needs the IDs the repository names, to keep them: give `deleted-paths` (with `id-from`), `id-list-files` or `ids-file`. Nothing was listed or deleted.');
    // The named forms (see namedForm) of the IDs the repository names, what Miso's listing is
    // compared with; the commit the diff sources' files were read at; where the IDs came from.
    const { ids, head, sources } = fromCommit
        ? await namedAtHead(settings, env, log)
        : { ids: new Set(), head: undefined, sources: [] };
    const notes = { ...log, maybeId: (value) => ids.add((0,_ids_named_form_js__WEBPACK_IMPORTED_MODULE_5__/* .namedForm */ .C)(value)) };
    const options = { notes, removedWhen: settings.removedWhen };
    for (const group of await (0,_ids_formats_js__WEBPACK_IMPORTED_MODULE_3__/* .readIdFiles */ .VL)(idsFiles, workspace, idField, runnerTemp, options)) {
        for (const id of group.ids)
            ids.add((0,_ids_named_form_js__WEBPACK_IMPORTED_MODULE_5__/* .namedForm */ .C)(id));
        sources.push(`ID file ${group.name}: ${group.ids.length} IDs`);
    }
    for (const source of sources)
        log.info(`Repository: ${source}.`);
    if (ids.size === 0)
        throw new Error(`The repository names no IDs (${sources.join('; ')}): a reconcile would delete every record Miso lists. Nothing was listed or deleted.`);
    const { recordType, reconcileType: type } = settings;
    const what = type ? `${recordType} of type ${JSON.stringify(type)}` : recordType;
    const route = `GET /v1/${recordType}/_ids${type ? `?type=${encodeURIComponent(type)}` : ''}`;
    const listing = await lister.listIds(type, signal);
    if (!listing.ok) {
        throw new Error(`Could not list the ${what} Miso has (${route}, ${listing.attempts} attempts): ${(0,_miso_answers_js__WEBPACK_IMPORTED_MODULE_4__/* .failureText */ .kY)(listing.failure)}. Nothing was deleted.`);
    }
    const { toDelete, misoCount, missingFromMiso } = compareWithRepository(listing.ids, ids);
    log.info(`Miso lists ${misoCount} ${what}; the repository names ${ids.size} IDs; ${toDelete.length} listed by Miso are named nowhere in the repository.`);
    if (missingFromMiso > 0)
        log.notice(`${missingFromMiso} IDs the repository names are not in Miso's listing of ${what}: their uploads may be missing.`);
    const detail = 'listed by Miso, named nowhere in the repository';
    const groups = toDelete.length
        ? [{ kind: 'reconcile', name: route, ids: toDelete, detail }]
        : [];
    const counts = { misoCount, repositoryCount: ids.size, deleteCount: toDelete.length };
    return { groups, info: { recordType, type, head, ...counts, missingFromMiso } };
}
/**
 * Miso's IDs that the repository does not name (in Miso's order, once each, exactly as listed),
 * and the counts. Sets are built once: a million IDs on each side take well under a second
 * (see `npm run bench`).
 */
function compareWithRepository(misoIds, repository) {
    const listed = [...new Set(misoIds)];
    const forms = listed.map(_ids_named_form_js__WEBPACK_IMPORTED_MODULE_5__/* .namedForm */ .C);
    const toDelete = listed.filter((_, i) => !repository.has(forms[i]));
    const listedForms = new Set(forms);
    const missingFromMiso = [...repository].filter(form => !listedForms.has(form)).length;
    return { toDelete, misoCount: listed.length, missingFromMiso };
}
/**
 * The IDs the matching files name at head (as a diff's live set is read). Throws naming the
 * file and commit for a file that cannot be read.
 */
async function namedAtHead(settings, env, log) {
    const ctx = { cwd: settings.workspace, env, log };
    const problem = await (0,_diff_git_js__WEBPACK_IMPORTED_MODULE_1__/* .checkoutProblem */ .KU)(ctx);
    if (problem)
        throw new Error(`Reconcile reads \`deleted-paths\` and \`id-list-files\` from the git checkout, which is not usable (${problem}). Add actions/checkout before this step. Nothing was listed or deleted.`);
    const head = await (0,_diff_git_js__WEBPACK_IMPORTED_MODULE_1__/* .ensureCommit */ .q$)(ctx, settings.head || 'HEAD');
    const at = (0,_diff_event_js__WEBPACK_IMPORTED_MODULE_0__/* .short */ .h0)(head);
    // The same reader as a diff's live set: links resolved, LFS pointers refused.
    const { unmatched, skipped, byFile, byId } = await (0,_diff_removed_ids_js__WEBPACK_IMPORTED_MODULE_2__/* .namedIdsAt */ .J)((0,_diff_git_js__WEBPACK_IMPORTED_MODULE_1__/* .gitFiles */ .IU)(ctx), head, settings, log);
    // A pattern that matches nothing leaves its products out of the repository's set, and
    // reconcile would delete them all: a typo must stop the run, not shrink what is kept.
    if (unmatched.length > 0) {
        const list = unmatched.map(u => `\`${u.input}\` pattern \`${u.pattern}\``).join(', ');
        const [match, name] = unmatched.length === 1 ? ['matches', 'it names'] : ['match', 'they name'];
        throw new Error(`Reconcile refused: ${list} ${match} no file at ${at}, so the products ${name} would count as gone. Likely causes: a typo, or a path relative to the wrong folder (patterns are relative to the repository's root). Fix or remove the pattern. Nothing was listed or deleted.`);
    }
    if (skipped.length > 0)
        log.notice(`${skipped.length} matching content files at ${at} name no product (e.g. ${skipped[0]}): skipped.`);
    const named = [...byFile.values()].reduce((sum, ids) => sum + ids.length, 0);
    const files = `${byFile.size} files matching \`deleted-paths\` / \`id-list-files\``;
    // byId holds the named forms, ambiguous header rows included (see IdFileNotes).
    return { ids: new Set(byId.keys()), head, sources: [`${files} at ${at}: ${named} IDs`] };
}


/***/ })

};
