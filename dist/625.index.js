export const id = 625;
export const ids = [625];
export const modules = {

/***/ 5625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runLog: () => (/* binding */ runLog)
/* harmony export */ });
function runLog(channel, notes, sink) {
    // Notices and warnings are also kept for the summary, as the log shows them.
    const noted = (print) => (message) => {
        const text = channel.logLine(message);
        notes.push(text);
        print(text);
    };
    return {
        info: message => sink.info(channel.logLine(message)),
        infoLines: lines => lines.length > 0 && sink.info(lines.map(channel.logLine).join('\n')),
        // Only shown with step debug logging on; a large run makes thousands.
        debug: message => sink.debugging && sink.debug(channel.logLine(message)),
        notice: noted(sink.notice),
        warning: noted(sink.warning),
        error: (message, where) => sink.error(channel.logLine(message), channel.redacted(where ?? {}))
    };
}


/***/ })

};
