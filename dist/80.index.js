export const id = 80;
export const ids = [80];
export const modules = {

/***/ 4080:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readBackup: () => (/* binding */ readBackup),
/* harmony export */   refusedRecords: () => (/* binding */ refusedRecords),
/* harmony export */   restoreApi: () => (/* binding */ restoreApi),
/* harmony export */   uploadable: () => (/* binding */ uploadable)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _ids_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2429);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8301);
// The undo's second half: `restore-file` uploads the records of a backup file back to Miso
// (`POST /v1/{type}`, in batches, answered with a task like a delete). The deletion run sends
// and polls them: its "delete" of a batch of IDs is here the upload of their records.




const idFieldOf = (type) => (type === 'users' ? 'user_id' : 'product_id');
/**
 * Reads the backup file: its IDs by the one reader of `.jsonl` ID files (which also keeps the
 * path inside the workspace or `RUNNER_TEMP`), and the record of each line. Any line that is
 * not a record with its ID fails the run before any call.
 */
async function readBackup(settings) {
    const { restoreFile, workspace, runnerTemp, recordType } = settings;
    if (!/\.(jsonl|ndjson)$/i.test(restoreFile)) {
        throw new Error(`restore-file: "${restoreFile}" is not a backup file (JSON lines, \`.jsonl\`, as \`backup-path\` names it).`);
    }
    if (/[*?[\]{}\n]/.test(restoreFile) || restoreFile.trim().startsWith('!')) {
        throw new Error(`restore-file: "${restoreFile}" is a pattern; give the one backup file's path (a pattern could upload a product feed over Miso's records).`);
    }
    const groups = await (0,_ids_files_js__WEBPACK_IMPORTED_MODULE_2__/* .readIdFiles */ .V)([restoreFile], workspace, idFieldOf(recordType), runnerTemp).catch((error) => {
        throw new Error(error.message.replace(/^ids-file\b/, 'restore-file'));
    });
    const records = new Map();
    for (const group of groups) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(workspace, group.name);
        const text = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8')).replace(/^\uFEFF/, '');
        const lines = text.split('\n').filter(line => line.trim() !== '');
        const parsed = lines.map(line => (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .parseJsonOrUndefined */ .rx)(line));
        if (parsed.length !== group.ids.length || !parsed.every(_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)) {
            throw new Error(`restore-file: ${group.name} holds a line that is not a ${recordType} record.`);
        }
        const seen = new Set();
        const twice = group.ids.find(id => seen.size === seen.add(id).size);
        if (twice !== undefined) {
            throw new Error(`restore-file: ${group.name} holds two records of ${JSON.stringify(twice)}: which one to upload is not clear.`);
        }
        group.ids.forEach((id, i) => records.set(id, parsed[i]));
    }
    return { groups, records };
}
/** The record as Miso takes it back: without the fields Miso computes and refuses on upload. */
function uploadable(record) {
    return Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'product_group_id_or_product_id' && !key.startsWith('category_path_')));
}
/** The client seen by the deletion run: a batch of IDs is sent as the upload of their records. */
function restoreApi(client, records) {
    return {
        async deleteProducts(ids, signal) {
            const batch = ids.map(id => uploadable(records.get(id) ?? {}));
            const outcome = await client.uploadRecords(batch, signal);
            if (!outcome.ok && outcome.failure.httpStatus === 422 && outcome.body !== undefined) {
                const refused = refusedRecords(outcome.body, ids);
                if (refused)
                    outcome.failure.message = refused;
            }
            return outcome;
        },
        getStatus: (taskId, signal) => client.getStatus(taskId, signal)
    };
}
/**
 * Which records and fields a 422 refused, by ID: Miso's lines `data.<i>.<field> is invalid.
 * <why>` under `data`, or FastAPI's `detail` with `loc` [body, data, i, field].
 */
function refusedRecords(body, ids) {
    const answer = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .parseJsonOrUndefined */ .rx)(body);
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(answer))
        return undefined;
    const found = [];
    for (const item of Array.isArray(answer.data) ? answer.data : []) {
        const line = typeof item === 'string' ? /^\s*data\.(\d+)\.?(\S*)\s.*?invalid\.?\s*(.*)$/.exec(item) : null;
        if (line)
            found.push({ index: Number(line[1]), field: line[2], why: line[3] });
    }
    for (const item of Array.isArray(answer.detail) ? answer.detail : []) {
        const loc = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(item) && Array.isArray(item.loc) ? item.loc.map(String) : [];
        const at = loc.indexOf('data');
        if (at >= 0 && /^\d+$/.test(loc[at + 1] ?? '')) {
            const why = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(item) && typeof item.msg === 'string' ? item.msg : '';
            found.push({ index: Number(loc[at + 1]), field: loc.slice(at + 2).join('.'), why });
        }
    }
    if (found.length === 0)
        return undefined;
    const shown = found.slice(0, 10).map(f => {
        const field = f.field ? `.${f.field}` : '';
        return `${ids[f.index] ?? `record ${f.index + 1}`}${field}${f.why ? `: ${f.why}` : ''}`;
    });
    const more = found.length > shown.length ? ` (and ${found.length - shown.length} more)` : '';
    return `Miso refused these records: ${shown.join('; ')}${more}`;
}


/***/ })

};
