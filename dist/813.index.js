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
// What a run is given: its inputs, its environment, its cancellation, and the sinks its words
// and values end up in. On the runner the sinks are the toolkit's (@actions/core: workflow
// commands, GITHUB_OUTPUT, the job summary); tests record them instead. The run puts the
// channel (channel.ts) in front of every sink: what reaches one is already redacted and bounded.

/** The context of a run on the runner: the toolkit reads and writes process.env's files. */
function runnerContext(env, cancellation) {
    return {
        input: name => _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput(name),
        env,
        cancellation,
        log: {
            info: _actions_core__WEBPACK_IMPORTED_MODULE_0__.info,
            notice: message => _actions_core__WEBPACK_IMPORTED_MODULE_0__.notice(message),
            warning: message => _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(message),
            debug: _actions_core__WEBPACK_IMPORTED_MODULE_0__.debug,
            error: (message, where) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.error(message, where),
            debugging: _actions_core__WEBPACK_IMPORTED_MODULE_0__.isDebug(),
            startGroup: _actions_core__WEBPACK_IMPORTED_MODULE_0__.startGroup,
            endGroup: _actions_core__WEBPACK_IMPORTED_MODULE_0__.endGroup,
            mask: _actions_core__WEBPACK_IMPORTED_MODULE_0__.setSecret
        },
        output: _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput,
        summary: async (markdown) => {
            await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary.addRaw(markdown).write();
        }
    };
}


/***/ })

};
