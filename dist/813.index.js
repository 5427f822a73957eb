export const id = 813;
export const ids = [813];
export const modules = {

/***/ 4813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runnerContext: () => (/* binding */ runnerContext)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
// What a run is given: its inputs, its environment, its cancellation, and the sinks its words
// and values end up in. On the runner the sinks are the toolkit's (@actions/core: workflow
// commands, GITHUB_OUTPUT, the job summary); tests record them instead. The run puts the
// channel (channel.ts) in front of every sink: what reaches one is already redacted and bounded.
// The event is read by the toolkit too (@actions/github's `context`).


/** The context of a run on the runner: the toolkit reads and writes process.env's files. */
async function runnerContext(cancellation) {
    const env = process.env;
    return {
        input: name => _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput(name),
        env,
        event: await runnerEvent(env),
        cancellation,
        // The toolkit's own functions print the lines (info, warning, error, groups…).
        log: { ..._actions_core__WEBPACK_IMPORTED_MODULE_0__, debugging: _actions_core__WEBPACK_IMPORTED_MODULE_0__.isDebug(), mask: _actions_core__WEBPACK_IMPORTED_MODULE_0__.setSecret },
        output: _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput,
        summary: markdown => _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary
            .addRaw(markdown)
            .write()
            .then(() => undefined)
    };
}
/**
 * The event as the toolkit's `context` reads it. The toolkit writes to stdout for a missing file
 * and throws for one that is not JSON: the run warns in its log instead and goes on without it.
 */
async function runnerEvent(env) {
    const file = env.GITHUB_EVENT_PATH;
    try {
        if (file && !(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(file))
            throw new Error(`there is no file ${file}`);
        const { context } = await __webpack_require__.e(/* import() */ 758).then(__webpack_require__.bind(__webpack_require__, 1758));
        return { name: context.eventName ?? '', payload: context.payload };
    }
    catch (error) {
        // The REST client loads the toolkit again later: it must not read the file either.
        delete env.GITHUB_EVENT_PATH;
        return { name: env.GITHUB_EVENT_NAME ?? '', payload: {}, problem: error.message };
    }
}


/***/ })

};
