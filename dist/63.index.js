export const id = 63;
export const ids = [63];
export const modules = {

/***/ 3063:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runnerContext: () => (/* binding */ runnerContext)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/workflow-commands.ts
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
    process.stdout.write(message + external_node_os_.EOL);
}
/** `::name key=value,…::data`, the data and each value escaped as the runner expects. */
function command(name, message, properties = {}) {
    const props = Object.entries(properties)
        .filter(([, value]) => value !== undefined && value !== '' && value !== 0)
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
        .join(',');
    process.stdout.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}${external_node_os_.EOL}`);
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
        process.stdout.write(external_node_os_.EOL);
        command('set-output', value, { name });
        return;
    }
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    if (name.includes(delimiter) || value.includes(delimiter)) {
        throw new Error(`Unexpected input: the output ${name} holds its own delimiter`);
    }
    if (!(0,external_node_fs_.existsSync)(file))
        throw new Error(`Missing file at path: ${file}`);
    (0,external_node_fs_.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_.EOL}${value}${external_node_os_.EOL}${delimiter}${external_node_os_.EOL}`, 'utf8');
}
/** Appends Markdown to the job summary; throws when there is none to write to. */
async function appendSummary(markdown, env = process.env) {
    const file = env.GITHUB_STEP_SUMMARY ?? '';
    if (file === '') {
        throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY.');
    }
    try {
        (0,external_node_fs_.accessSync)(file, external_node_fs_.constants.R_OK | external_node_fs_.constants.W_OK);
    }
    catch {
        throw new Error(`Unable to access summary file: '${file}'.`);
    }
    await (0,promises_.appendFile)(file, markdown, 'utf8');
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

;// CONCATENATED MODULE: ./src/runner.ts

/** The context of a run on the runner. */
function runnerContext(env, cancellation) {
    return {
        input: name => getInput(name, env),
        env,
        cancellation,
        log: {
            info: message => info(message),
            notice: message => annotation('notice', message),
            warning: message => annotation('warning', message),
            debug: message => command('debug', message),
            error: (message, where) => annotation('error', message, where),
            debugging: isDebug(env),
            startGroup: title => command('group', title),
            endGroup: () => command('endgroup', ''),
            mask: secret => command('add-mask', secret)
        },
        output: (name, value) => setOutput(name, value, env),
        summary: markdown => appendSummary(markdown, env)
    };
}


/***/ })

};
