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
// EXTERNAL MODULE: ./src/diff/git-comparison.ts
var git_comparison = __webpack_require__(9293);
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






/** A reconcile that must not go on; the message says why and what to give. */
class ReconcileError extends Error {
    name = 'ReconcileError';
}
async function repositoryIds(settings, env, log) {
    const fromCommit = settings.deletedPaths.length > 0 || settings.idListFiles.length > 0;
    if (!fromCommit && settings.idsFiles.length === 0) {
        throw new ReconcileError('Reconcile needs the IDs the repository names, to keep them: give `deleted-paths` (with `id-from`), `id-list-files` or `ids-file`. Nothing was listed or deleted.');
    }
    const result = { ids: new Set(), sources: [] };
    if (fromCommit) {
        const { head, byFile, byId } = await namedAtHead(settings, env, log);
        // byId holds the named forms, ambiguous header rows included (see IdFileNotes).
        for (const form of byId.keys())
            result.ids.add(form);
        let named = 0;
        for (const ids of byFile.values())
            named += ids.length;
        result.head = head;
        result.sources.push(`${byFile.size} files matching \`deleted-paths\` / \`id-list-files\` at ${(0,diff_event/* short */.h0)(head)}: ${named} IDs`);
    }
    if (settings.idsFiles.length > 0) {
        const { idsFiles, workspace, idField, runnerTemp } = settings;
        const notes = {
            notice: message => log.notice(message),
            warning: message => log.warning(message),
            maybeId: value => result.ids.add((0,named_form/* namedForm */.C)(value))
        };
        const read = await (0,files/* readIdFiles */.V)(idsFiles, workspace, idField, runnerTemp, { notes });
        for (const group of read) {
            for (const id of group.ids)
                result.ids.add((0,named_form/* namedForm */.C)(id));
            result.sources.push(`ID file ${group.name}: ${group.ids.length} IDs`);
        }
    }
    return result;
}
/**
 * The IDs each matching file names at head (as a diff's live set is read). Throws naming the
 * file and commit for a file that cannot be read.
 */
async function namedAtHead(settings, env, log) {
    const ctx = { cwd: settings.workspace, env, log };
    const problem = await (0,git/* checkoutProblem */.KU)(ctx);
    if (problem) {
        throw new ReconcileError(`Reconcile reads \`deleted-paths\` and \`id-list-files\` from the git checkout, which is not usable (${problem}). Add actions/checkout before this step. Nothing was listed or deleted.`);
    }
    const head = await (0,git/* ensureCommit */.q$)(ctx, settings.head || 'HEAD');
    // The same reader as a diff's live set: links resolved, LFS pointers refused.
    const named = await (0,removed_ids/* namedIdsAt */.J)((0,git_comparison/* gitFiles */.I)(ctx), head, settings, log);
    // A pattern that matches nothing leaves its products out of the repository's set, and
    // reconcile would delete them all: a typo must stop the run, not shrink what is kept.
    if (named.unmatched.length > 0) {
        const list = named.unmatched.map(u => `\`${u.input}\` pattern \`${u.pattern}\``).join(', ');
        throw new ReconcileError(`Reconcile refused: ${list} ${named.unmatched.length === 1 ? 'matches' : 'match'} no file at ${(0,diff_event/* short */.h0)(head)}, so the products ${named.unmatched.length === 1 ? 'it names' : 'they name'} would count as gone. Fix or remove the pattern. Nothing was listed or deleted.`);
    }
    if (named.skipped.length > 0) {
        log.notice(`${named.skipped.length} matching content files at ${(0,diff_event/* short */.h0)(head)} name no product (e.g. ${named.skipped[0]}): skipped.`);
    }
    return { head, byFile: named.byFile, byId: named.byId };
}

;// CONCATENATED MODULE: ./src/reconcile/reconcile.ts


async function resolveReconcileIds(settings, lister, signal, env, log) {
    const repository = await repositoryIds(settings, env, log);
    for (const source of repository.sources)
        log.info(`Repository: ${source}.`);
    if (repository.ids.size === 0) {
        throw new ReconcileError(`The repository names no IDs (${repository.sources.join('; ')}): a reconcile would delete every record Miso lists. Nothing was listed or deleted.`);
    }
    const { recordType, reconcileType: type } = settings;
    const what = type ? `${recordType} of type ${JSON.stringify(type)}` : recordType;
    const route = `GET /v1/${recordType}/_ids${type ? `?type=${encodeURIComponent(type)}` : ''}`;
    const listing = await lister.listIds(type, signal);
    if (!listing.ok) {
        const { httpStatus, message } = listing.failure;
        const status = httpStatus !== undefined ? `HTTP ${httpStatus}: ` : '';
        throw new ReconcileError(`Could not list the ${what} Miso has (${route}, ${listing.attempts} attempts): ${status}${message}. Nothing was deleted.`);
    }
    const { toDelete, misoCount, missingFromMiso } = compareWithRepository(listing.ids, repository.ids);
    log.info(`Miso lists ${misoCount} ${what}; the repository names ${repository.ids.size} IDs; ${toDelete.length} listed by Miso are named nowhere in the repository.`);
    if (missingFromMiso > 0) {
        log.notice(`${missingFromMiso} IDs the repository names are not in Miso's listing of ${what}: their uploads may be missing.`);
    }
    const groups = toDelete.length > 0
        ? [
            {
                kind: 'reconcile',
                name: route,
                ids: toDelete,
                detail: 'listed by Miso, named nowhere in the repository'
            }
        ]
        : [];
    return {
        groups,
        info: {
            recordType,
            type,
            ...(repository.head !== undefined ? { head: repository.head } : {}),
            misoCount,
            repositoryCount: repository.ids.size,
            deleteCount: toDelete.length,
            missingFromMiso
        }
    };
}


/***/ })

};
