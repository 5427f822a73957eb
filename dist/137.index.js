export const id = 137;
export const ids = [137];
export const modules = {

/***/ 6137:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   annotation: () => (/* binding */ annotation),
/* harmony export */   appendSummary: () => (/* binding */ appendSummary),
/* harmony export */   command: () => (/* binding */ command),
/* harmony export */   getInput: () => (/* binding */ getInput),
/* harmony export */   info: () => (/* binding */ info),
/* harmony export */   isDebug: () => (/* binding */ isDebug),
/* harmony export */   setOutput: () => (/* binding */ setOutput)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
// The runner's side of a step, as GitHub documents it: inputs from `INPUT_*` variables,
// workflow commands on stdout (`::name key=value::data`), and the files named by
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY. Written here rather than loaded from @actions/core,
// whose import also loads an HTTP client the action never calls: a third of its start-up.
// The formats are the toolkit's own, so the runner reads them alike.




/** The `with:` value of an input, trimmed (`''` when not given). */
function getInput(name, env = process.env) {
    return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/** Whether step debug logging is on. */
function isDebug(env = process.env) {
    return env.RUNNER_DEBUG === '1';
}
/** A line of the log as it is: the caller has made it safe (channel.ts). */
function info(message) {
    process.stdout.write(message + node_os__WEBPACK_IMPORTED_MODULE_3__.EOL);
}
/** `::name key=value,…::data`, the data and each value escaped as the runner expects. */
function command(name, message, properties = {}) {
    const props = Object.entries(properties)
        .filter(([, value]) => value !== undefined && value !== '' && value !== 0)
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
        .join(',');
    process.stdout.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}`);
}
/** An annotation (`error`, `warning`, `notice`), at a file and line when given. */
function annotation(level, message, where = {}) {
    command(level, message, {
        title: where.title,
        file: where.file,
        line: where.startLine,
        endLine: where.endLine,
        col: where.startColumn,
        endColumn: where.endColumn
    });
}
/** Sets a step output: a block in the GITHUB_OUTPUT file, ended by a delimiter of its own. */
function setOutput(name, value, env = process.env) {
    const file = env.GITHUB_OUTPUT ?? '';
    if (file === '') {
        // Outside the runner (a local run): the old command, so the value is still seen.
        process.stdout.write(node_os__WEBPACK_IMPORTED_MODULE_3__.EOL);
        command('set-output', value, { name });
        return;
    }
    const delimiter = `ghadelimiter_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
    if (name.includes(delimiter) || value.includes(delimiter)) {
        throw new Error(`Unexpected input: the output ${name} holds its own delimiter`);
    }
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(file))
        throw new Error(`Missing file at path: ${file}`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(file, `${name}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}${value}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}`, 'utf8');
}
/** Appends Markdown to the job summary; throws when there is none to write to. */
async function appendSummary(markdown, env = process.env) {
    const file = env.GITHUB_STEP_SUMMARY ?? '';
    if (file === '') {
        throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY.');
    }
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.accessSync)(file, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.R_OK | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.W_OK);
    }
    catch {
        throw new Error(`Unable to access summary file: '${file}'.`);
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.appendFile)(file, markdown, 'utf8');
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}


/***/ })

};
