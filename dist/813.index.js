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
// and values end up in. On the runner the sinks are @actions/core (workflow commands on stdout,
// GITHUB_OUTPUT, GITHUB_STEP_SUMMARY); tests record them instead. The run puts the channel
// (channel.ts) in front of every sink: what reaches one is already redacted and bounded.

/** The context of a run on the runner. */
function runnerContext(env, cancellation) {
    return {
        input: name => _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput(name),
        env,
        cancellation,
        log: {
            info: message => _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(message),
            notice: message => _actions_core__WEBPACK_IMPORTED_MODULE_0__.notice(message),
            warning: message => _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(message),
            debug: message => _actions_core__WEBPACK_IMPORTED_MODULE_0__.debug(message),
            error: (message, where) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.error(message, where),
            debugging: _actions_core__WEBPACK_IMPORTED_MODULE_0__.isDebug(),
            startGroup: title => _actions_core__WEBPACK_IMPORTED_MODULE_0__.startGroup(title),
            endGroup: () => _actions_core__WEBPACK_IMPORTED_MODULE_0__.endGroup(),
            mask: secret => _actions_core__WEBPACK_IMPORTED_MODULE_0__.setSecret(secret)
        },
        output: (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(name, value),
        summary: async (markdown) => {
            await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary.addRaw(markdown, true).write({ overwrite: false });
        }
    };
}


/***/ })

};
