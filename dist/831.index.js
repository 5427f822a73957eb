export const id = 831;
export const ids = [831];
export const modules = {

/***/ 831:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readBackup: () => (/* binding */ readBackup),
  sendPlan: () => (/* binding */ sendPlan)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: ./src/plural.ts
var plural = __webpack_require__(9133);
// EXTERNAL MODULE: ./src/http-policy.ts
var http_policy = __webpack_require__(2598);
// EXTERNAL MODULE: ./src/miso/answers.ts
var answers = __webpack_require__(7667);
// EXTERNAL MODULE: ./src/miso/throttle.ts
var throttle = __webpack_require__(9754);
;// CONCATENATED MODULE: ./src/poll-schedule.ts
// When to poll which task. Miso works through an account's tasks in a queue, so tasks
// accepted earlier end earlier, and often many at about the same time. So the run watches the
// oldest unfinished task (the head) and, once it has ended, sweeps on to the next ones at once;
// a slow backstop poll of the others sees endings out of turn. No task is polled before
// `pollIntervalMs` after its acceptance.
//
// The head is polled every LAG_SHARE of its age (at least MIN_GAP_MS, at most `maxGapMs`), so
// the end of tasks that end together is learnt within that share of the run. Tasks that end one
// after another would cost a poll per task or more that way; so when a sweep stops at a running
// task, the pace seen so far predicts the rest: the head waits PACE_SHARE of the predicted
// remaining time, and a sweep stops before a task whose turn has not come by that pace. A sweep
// widens as it finds ended tasks: up to 2^(endings - 1) polls in flight.
//
// Pure bookkeeping: times are passed in, nothing is sent from here (deletion.ts does that).
/** The longest gap between polls of the oldest unfinished task, unless set. */
const DEFAULT_MAX_POLL_INTERVAL_MS = 30_000;
const MIN_GAP_MS = 1000;
const LAG_SHARE = 0.06;
const PACE_SHARE = 0.6;
/** The backstop starts this many `maxGapMs` after the first acceptance, then polls every one. */
const BACKSTOP_AFTER = 2;
/**
 * The schedule of a run's polls; `K` is the caller's handle of a task. No task is polled
 * before `pollIntervalMs` after its acceptance; `maxGapMs`: the longest gap between the head's
 * polls, and the backstop's period.
 */
class PollSchedule {
    pollIntervalMs;
    maxGapMs;
    /** In the order their delete requests were sent. */
    tasks = [];
    /** Every task before this index has ended. */
    firstOpen = 0;
    /** Tasks accepted and not ended (read-only outside). */
    open = 0;
    /** The next task a sweep looks at; undefined when no sweep is on. */
    sweep;
    sweepInFlight = 0;
    sweepEnds = 0;
    /** When the head is polled next (outside a sweep), and the backstop (from the first task). */
    headAt = 0;
    backstopAt = Infinity;
    /** `ended` tasks had ended by `at`, and the next had not. */
    pace;
    /** Longest seen running and shortest seen ended, from acceptance: tasks that end together. */
    runningFor = 0;
    endedWithin = Infinity;
    constructor(pollIntervalMs, maxGapMs = DEFAULT_MAX_POLL_INTERVAL_MS) {
        this.pollIntervalMs = pollIntervalMs;
        this.maxGapMs = maxGapMs;
    }
    /** A task was accepted; it takes its place by `sentAt`, as answers may arrive out of order. */
    add(key, acceptedAt, sentAt = acceptedAt) {
        const dueAt = acceptedAt + this.pollIntervalMs;
        const task = { key, sentAt, acceptedAt, dueAt, ended: false, polledAt: -Infinity };
        let place = this.tasks.length;
        while (place > 0 && this.tasks[place - 1].sentAt > sentAt)
            place--;
        this.tasks.splice(place, 0, task);
        this.open++;
        this.firstOpen = Math.min(this.firstOpen, place);
        if (this.sweep !== undefined && place < this.sweep)
            this.sweep = place;
        if (this.backstopAt === Infinity)
            this.backstopAt = acceptedAt + BACKSTOP_AFTER * this.maxGapMs;
    }
    /**
     * The tasks to poll now, at most `free` of them (in flight until `heard`), and when to ask
     * again if nothing else happens first (Infinity: when a task is added).
     */
    due(now, free) {
        const poll = [];
        const take = (task, by) => poll.push(Object.assign(task, { inFlight: by, polledAt: now }).key);
        let wakeAt = Infinity;
        while (this.tasks[this.firstOpen]?.ended)
            this.firstOpen++;
        const head = this.firstOpen;
        if (this.sweep === undefined && head < this.tasks.length && !this.tasks[head].inFlight) {
            const at = Math.max(this.headAt, this.tasks[head].dueAt);
            if (at <= now)
                [this.sweep, this.sweepEnds] = [head, 0];
            else
                wakeAt = at;
        }
        while (this.sweep !== undefined && poll.length < free) {
            const index = this.nextInSweep();
            if (index === undefined)
                break;
            const task = this.tasks[index];
            if (task.dueAt > now) {
                wakeAt = Math.min(wakeAt, task.dueAt);
                break;
            }
            // By the pace of tasks that end one after another, this one's turn has not come.
            const rate = this.sweepEnds > 0 && this.rate();
            if (rate && this.tasks[0].acceptedAt + (index + 1) / rate > now) {
                if (this.sweepInFlight === 0)
                    wakeAt = Math.min(wakeAt, this.endSweep(now));
                break;
            }
            if (this.sweepInFlight > 0 && this.sweepInFlight >= 2 ** (this.sweepEnds - 1))
                break;
            this.sweep = index + 1;
            this.sweepInFlight++;
            take(task, 'sweep');
        }
        if (this.backstopAt <= now && poll.length < free) {
            // The open task, other than the head, asked about least recently.
            const [other] = this.tasks
                .slice(head + 1)
                .filter(t => !t.ended && !t.inFlight && t.dueAt <= now)
                .sort((a, b) => a.polledAt - b.polledAt);
            if (other)
                take(other, 'backstop');
            this.backstopAt = now + this.maxGapMs;
        }
        return { poll, wakeAt: Math.min(wakeAt, this.backstopAt) };
    }
    /** The answer for task `key`, sent at `sentAt`, arrived at `now`. */
    heard(key, heard, sentAt, now) {
        const index = this.tasks.findIndex(t => t.key === key);
        const task = this.tasks[index];
        if (!task)
            return;
        const by = task.inFlight;
        task.inFlight = undefined;
        if (by === 'sweep')
            this.sweepInFlight--;
        if (heard === 'ended') {
            task.ended = true;
            this.open--;
            this.endedWithin = Math.min(this.endedWithin, now - task.acceptedAt);
            if (by === 'sweep')
                this.sweepEnds++;
            // An ending the backstop saw out of turn: the ones after it may have ended too.
            else if (this.sweep === undefined)
                [this.sweep, this.sweepEnds] = [index + 1, 0];
        }
        else {
            if (heard === 'running')
                this.runningFor = Math.max(this.runningFor, sentAt - task.acceptedAt);
            if (by !== 'sweep' || this.sweep === undefined)
                return;
            const ended = this.tasks.slice(0, index).filter(t => t.ended).length;
            if (ended > 0)
                this.pace = { ended, at: sentAt };
            this.endSweep(now);
        }
    }
    /** Ends the sweep; returns when the head is polled next. */
    endSweep(now) {
        this.sweep = undefined;
        const head = this.tasks.slice(this.firstOpen).find(task => !task.ended);
        const minGap = Math.min(MIN_GAP_MS, this.pollIntervalMs / 2);
        const byAge = head ? Math.max(minGap, LAG_SHARE * (now - head.acceptedAt)) : 0;
        const rate = this.rate();
        const left = rate ? this.tasks[0].acceptedAt + this.tasks.length / rate - now : 0;
        this.headAt = now + Math.min(this.maxGapMs, Math.max(byAge, PACE_SHARE * left));
        return this.headAt;
    }
    /** The next open task of the sweep not in flight; ends a sweep with nothing left. */
    nextInSweep() {
        for (let i = Math.max(this.sweep ?? Infinity, this.firstOpen); i < this.tasks.length; i++) {
            if (!this.tasks[i].ended && !this.tasks[i].inFlight)
                return i;
        }
        if (this.sweepInFlight === 0)
            [this.sweep, this.headAt] = [undefined, 0];
        return undefined;
    }
    /**
     * Tasks ended per ms since the first acceptance, counting half of the one running; only
     * once they do not all take the same time (one ran longer than another took to end), as the
     * pace of tasks that end together says nothing of the ones accepted later.
     */
    rate() {
        const elapsed = this.pace ? this.pace.at - this.tasks[0].acceptedAt : 0;
        if (!this.pace || elapsed <= 0 || this.runningFor <= this.endedWithin)
            return undefined;
        return (this.pace.ended + 0.5) / elapsed;
    }
}

;// CONCATENATED MODULE: ./src/deletion.ts
// The deletion run: sends the batches with bounded concurrency and, beside that, polls every
// accepted task until each batch ends in a known state.
//
// - Up to `concurrency` delete requests and, separately, up to `concurrency` status polls are
//   in flight. Which task is polled when is the schedule's decision (poll-schedule.ts): the
//   oldest unfinished task on a back-off, then the next ones as soon as it has ended, never a
//   task earlier than `pollIntervalMs` after it was accepted.
// - 401/403/407 (from a delete or a status poll) means the key (or the proxy's credentials) is
//   wrong for everything: no further batches are sent ('not-sent') and no further polls made;
//   requests in flight finish, and accepted tasks not yet confirmed are 'failed' (their
//   outcome cannot be learnt any more).
// - `waitTimeoutMs` (with `wait` only) counts from the start of the run, i.e. the first delete
//   request. When it passes, requests in flight are aborted, accepted and in-flight batches are
//   'timed-out' and unsent ones 'not-sent'.
// - Cancellation (`signal`) aborts everything in flight; every unfinished batch is 'cancelled'
//   (accepted ones keep their task ID).
// - The run's status: see finaliseRun below, a pure function tested as a table.
// - `durationMs`: for a polled task, from acceptance to its end state (the time Miso took);
//   otherwise the delete request's own time, from sending to its answer.
// - Counts: each count of a batch is the one last reported for it, by the delete answer and
//   then each status body; a later answer replaces a count, never adds to it, so a batch is
//   never counted twice. A delete answer with counts and no task (Miso deleted at once) ends
//   the batch 'succeeded' without a poll, also with `wait` false.







/** The longest a timer may wait (setTimeout's limit); the poll loop is woken earlier anyway. */
const MAX_TIMER_MS = 2 ** 31 - 1;
function runDeletion(batches, api, options) {
    return new DeletionRun(batches, api, options).run();
}
/** The loops of one run and what they share. */
class DeletionRun {
    api;
    options;
    /** Cancellation or the wait time-out aborted everything in flight. */
    halted;
    /** A 401/403/407 stopped new work; requests already sent may still tell. */
    fatal;
    batches;
    /** The next batch to send. */
    next = 0;
    /**
     * What the log said once: each unknown status word (once per run) and, for an unknown
     * answer without one, `Task <id>` (once per task; words are lower case).
     */
    told = new Set();
    /** Aborts requests in flight: cancellation, time-out, the end of the run. */
    halt = new AbortController();
    schedule;
    /** Batches are still being sent, so more tasks may come. */
    submitting = true;
    /** Something changed while the poll loop was busy: it looks again before waiting. */
    woken = false;
    /** Ends the poll loop's current wait (aborting a past one does nothing). */
    waiting;
    now = () => this.options.now?.() ?? Date.now();
    /** The poller's waits end early, without an error, when new work stops. */
    sleep = (ms, signal) => (this.options.sleep ?? throttle/* abortableSleep */.Mf)(ms, signal).catch(() => { });
    constructor(batches, api, options) {
        this.api = api;
        this.options = options;
        this.batches = batches.map((ids, index) => ({
            ids,
            result: { index, count: ids.length, status: 'not-sent', counts: {} },
            transientInRow: 0
        }));
        this.schedule = new PollSchedule(options.pollIntervalMs, options.maxPollIntervalMs);
        // Every request listens on this: one per batch is expected, not a leak, and Node's
        // warning about it would alarm users reading the log.
        (0,external_node_events_.setMaxListeners)(0, this.halt.signal);
    }
    async run() {
        const { options } = this;
        const startedAt = this.now();
        const onCancel = () => this.stop('cancelled');
        if (options.signal.aborted)
            onCancel();
        else
            options.signal.addEventListener('abort', onCancel, { once: true });
        if (options.wait && options.waitTimeoutMs > 0) {
            void this.sleep(options.waitTimeoutMs, this.halt.signal).then(() => this.stop('timed-out'));
        }
        const polling = options.wait && this.pollLoop();
        const workers = Math.min(Math.max(1, options.concurrency), this.batches.length);
        await Promise.all(Array.from({ length: workers }, () => this.submitter()));
        this.submitting = false;
        this.wake();
        await polling;
        // A cancellation after the run must not stop (and report stopping) a run that is over.
        options.signal.removeEventListener('abort', onCancel);
        this.halt.abort(); // ends the time-out timer
        const end = finaliseRun(this.batches, this, { ...options, now: this.now() });
        return { ...end, elapsedMs: this.now() - startedAt };
    }
    /** Cancellation or time-out: aborts everything in flight (once, and not after the run). */
    stop(why) {
        if (this.halt.signal.aborted)
            return;
        this.halted = why;
        const { log, waitTimeoutMs } = this.options;
        const what = why === 'cancelled' ? 'Cancelled' : `Wait time-out of ${waitTimeoutMs / 1000} s passed`;
        log.warning(`${what}: no further requests are made.`);
        this.halt.abort();
        this.wake();
    }
    /**
     * Ends `batch`, timed from its acceptance, else from sending. A fatal `error` (a wrong key)
     * stops new work; what is in flight may finish.
     */
    finish(batch, status, error) {
        const durationMs = this.now() - (batch.acceptedAt ?? batch.sentAt ?? 0);
        Object.assign(batch.result, { status, durationMs }, error && { error });
        if (!error?.fatal || this.fatal)
            return;
        this.fatal = error;
        // The run's failing annotation gives the cause and what to do: the log line is enough.
        this.options.log.info(`${keyProblem(error)}: no further requests are made.`);
        this.wake();
    }
    label = (batch) => batchLabel(batch.result, this.batches.length);
    /** Sends batches, one at a time, until none is left or new work stops. */
    async submitter() {
        while (!this.halted && !this.fatal && this.next < this.batches.length)
            await this.send(this.batches[this.next++]);
    }
    async send(batch) {
        const { log, wait } = this.options;
        batch.sentAt = this.now();
        const outcome = await settle(() => this.api.deleteProducts(batch.ids, this.halt.signal), (e) => ({ ok: false, failure: { message: (0,answers/* errorText */.kc)(e), fatal: false } }));
        if (outcome.body !== undefined)
            batch.result.response = outcome.body;
        const what = `${this.label(batch)}: ${(0,plural/* plural */.L)(batch.ids.length, 'ID')}`;
        if (outcome.ok) {
            const { counts, taskId } = outcome;
            batch.result.counts = counts;
            if (taskId === undefined) {
                log.info(`${what} done at once${(0,answers/* countsText */.WN)(counts)}.`);
                return this.finish(batch, 'succeeded');
            }
            log.info(`${what} accepted as task ${taskId}.`);
            batch.result.taskId = taskId;
            if (!wait)
                return this.finish(batch, 'submitted');
            batch.acceptedAt = this.now();
            this.schedule.add(batch, batch.acceptedAt, batch.sentAt);
            return this.wake();
        }
        // A failure caused by our own abort says nothing about the batch; the run's stop decides.
        if (this.halt.signal.aborted)
            return;
        const { failure } = outcome;
        // A wrong key fails every batch the same way: the run's failure says it once.
        log[failure.fatal ? 'info' : 'warning'](`${what} not deleted: ${(0,answers/* failureText */.kY)(failure)}`);
        this.finish(batch, 'failed', failure);
    }
    /**
     * Polls what the schedule says is due, at most `concurrency` at once, until every task has
     * ended and no more can come, or new work stops.
     */
    async pollLoop() {
        const concurrency = Math.max(1, this.options.concurrency);
        const inFlight = new Set();
        while (!this.halted && !this.fatal) {
            if (!this.submitting && inFlight.size === 0 && this.schedule.open === 0)
                break;
            const now = this.now();
            const { poll, wakeAt } = this.schedule.due(now, concurrency - inFlight.size);
            for (const batch of poll) {
                const request = this.pollOnce(batch, now).finally(() => {
                    inFlight.delete(request);
                    this.wake();
                });
                inFlight.add(request);
            }
            if (!this.woken) {
                // Every slot taken: the poll that ends first wakes the loop, no timer needed. One
                // signal, woken by wake() also when new work stops (AbortSignal.any() per wait would
                // cost more than the poll it waits for).
                const ms = inFlight.size >= concurrency ? MAX_TIMER_MS : Math.max(0, wakeAt - now);
                this.waiting = new AbortController();
                await this.sleep(Math.min(MAX_TIMER_MS, ms), this.waiting.signal);
            }
            this.woken = false;
        }
        await Promise.all(inFlight);
    }
    /**
     * Tells the poll loop to look again: a task was accepted or answered, sending ended, or new
     * work stopped. A run wakes it a few times per batch: the abort carries a plain reason, as
     * the default one costs a DOMException with its stack each time.
     */
    wake() {
        this.woken = true;
        this.waiting?.abort('woken');
    }
    /** One poll of the task of `batch`, sent at `sentAt`. Never rejects. */
    async pollOnce(batch, sentAt) {
        const answer = await settle(() => this.api.getStatus(batch.result.taskId ?? '', this.halt.signal), (e) => ({ httpStatus: 0, body: (0,answers/* errorText */.kc)(e) }));
        if (this.halt.signal.aborted)
            return;
        // A fault in reading one answer ends that task only; the run and its report go on.
        const heard = await settle(() => this.read(batch, answer), e => this.giveUp(batch, answer.httpStatus, `status answer could not be read: ${(0,answers/* errorText */.kc)(e)}`));
        this.schedule.heard(batch, heard, sentAt, this.now());
    }
    /** What one status answer means for its task, which it ends if it can. */
    read(batch, { httpStatus, body }) {
        const { log, retries } = this.options;
        const label = this.label(batch);
        const reading = (0,answers/* readTaskStatus */.gI)({ httpStatus, body });
        const { state, word, note } = reading;
        log.debug(`${label}: HTTP ${httpStatus}, ${(0,answers/* describeReading */.YB)(reading)}`);
        if (httpStatus !== 0)
            batch.result.response = body;
        batch.result.counts = { ...batch.result.counts, ...reading.counts };
        batch.lastReading = reading;
        const policy = (0,http_policy/* classifyStatus */.xo)(httpStatus);
        // A refused key or proxy (always read as 'failed') stops the run; its failure says it once.
        if (state === 'succeeded' || state === 'failed') {
            const fatal = policy === 'stops-run';
            const message = fatal ? (0,answers/* misoMessage */.ao)(httpStatus, body) : (note ?? '');
            const failed = state === 'failed' && { httpStatus, message, fatal };
            this.finish(batch, state, failed || undefined);
            if (!fatal)
                log[failed ? 'warning' : 'info'](`${label}: ${(0,answers/* describeReading */.YB)(reading)}`);
            return 'ended';
        }
        if (policy === 'retry') {
            if (++batch.transientInRow <= retries)
                return 'no-news';
            const message = `status unavailable ${batch.transientInRow} times in a row, last: ${note}`;
            return this.giveUp(batch, httpStatus, message);
        }
        batch.transientInRow = 0;
        if (state === 'unknown' && !this.told.has(word ?? label)) {
            this.told.add(word ?? label);
            log.warning(`${label}: ${word ? note : `unknown answer (${note})`}; still polling.`);
        }
        return 'running';
    }
    /** Fails a task whose status cannot be learnt, with `message`. */
    giveUp(batch, httpStatus, message) {
        this.finish(batch, 'failed', { ...(httpStatus !== 0 && { httpStatus }), message, fatal: false });
        this.options.log.warning(`${this.label(batch)}: ${message}; counted as failed.`);
        return 'ended';
    }
}
/**
 * Gives every unfinished batch its end state and the run its status:
 * - cancelled: every unfinished batch is 'cancelled' (accepted ones keep their task ID);
 * - never sent: 'not-sent';
 * - sent when the wait timed out: 'timed-out', with a log line naming its last status;
 * - accepted when a wrong key stopped the run: 'failed', not confirmed.
 * The run's status is the most important batch outcome: cancelled > failed > timed-out (also
 * for 'not-sent') > succeeded, or 'submitted' without waiting. A failure outranks a time-out
 * because it needs action, not just patience.
 */
function finaliseRun(batches, { halted, fatal }, { wait, waitTimeoutMs, log, now }) {
    const results = batches.map(({ result, sentAt, acceptedAt, lastReading }) => {
        if (result.status !== 'not-sent')
            return result;
        const from = acceptedAt ?? sentAt;
        const ended = from !== undefined ? { durationMs: now - from } : {};
        if (halted === 'cancelled')
            return { ...result, status: 'cancelled', ...ended };
        if (sentAt === undefined)
            return result;
        if (halted === 'timed-out') {
            const last = lastReading ? (0,answers/* describeReading */.YB)(lastReading) : 'no answer yet';
            log.warning(`${batchLabel(result, batches.length)}: timed out; last status: ${last}`);
            return { ...result, status: 'timed-out', ...ended };
        }
        // Not reached without `fatal`: the loops end only when every sent batch is done or the
        // run stopped.
        if (!fatal)
            return result;
        const message = `not confirmed: the run stopped (${keyProblem(fatal)})`;
        const error = { httpStatus: fatal.httpStatus, message, fatal: true };
        return { ...result, status: 'failed', error, ...ended };
    });
    const has = (status) => results.some(r => r.status === status);
    const worst = ['cancelled', 'failed', 'timed-out', 'not-sent'].find(has);
    // Nothing worse: 'submitted' if a task was left running (without waiting), done all the same.
    const ok = !wait && has('submitted') ? 'submitted' : 'succeeded';
    const done = (r) => r.status === 'succeeded' || r.status === ok;
    const timedOut = halted === 'timed-out' && `wait-timeout of ${waitTimeoutMs / 1000} s`;
    const stoppedBy = halted === 'cancelled' ? halted : fatal ? keyProblem(fatal) : timedOut;
    return {
        status: worst === 'not-sent' ? 'timed-out' : (worst ?? ok),
        batches: results,
        taskIds: results.flatMap(r => r.taskId ?? []),
        failedCount: results.reduce((sum, r) => sum + (done(r) ? 0 : r.count), 0),
        ...(stoppedBy ? { stoppedBy } : {})
    };
}
/** What `call` resolves to, or `onError` of what it threw or rejected with (never rejects). */
function settle(call, onError) {
    return Promise.resolve().then(call).catch(onError);
}
/** `Task <id>` once accepted, else `Batch <n>/<total>`. */
function batchLabel({ taskId, index }, total) {
    return taskId !== undefined ? `Task ${taskId}` : `Batch ${index + 1}/${total}`;
}
function keyProblem(failure) {
    if (failure.httpStatus === 407)
        return 'the proxy refused the credentials (HTTP 407)';
    const what = failure.httpStatus === 403 ? 'api key refused' : 'invalid api key';
    return `${what} (HTTP ${failure.httpStatus ?? '?'})`;
}

// EXTERNAL MODULE: ./src/ids/formats.ts
var formats = __webpack_require__(7438);
// EXTERNAL MODULE: ./src/json.ts
var json = __webpack_require__(8301);
// EXTERNAL MODULE: ./src/plan.ts
var src_plan = __webpack_require__(2464);
;// CONCATENATED MODULE: ./src/undo/restore.ts
// The undo: before the first delete, every record is fetched and written to a backup file,
// one JSON object per line; `restore-file` uploads the records of such a file back to Miso
// (`POST /v1/{type}`, in batches, answered with a task like a delete). The deletion run sends
// and polls them: its "delete" of a batch of IDs is here the upload of their records. A record
// that cannot be fetched is not deleted: without its backup the deletion could not be undone.







/** `backup: auto` backs up runs of at most this many IDs (one request per ID). */
const AUTO_BACKUP_MOST = 1000;
/**
 * Fetches every record with `concurrency` requests at once (the client's throttle and retries
 * apply) and appends each, as it comes, to a new file under `runnerTemp`: a cancelled or
 * killed run leaves the backup it made so far.
 */
async function backUp(ids, client, options) {
    const { signal, runnerTemp } = options;
    const info = { path: '', count: 0, notFound: 0, unfetched: [], cancelled: false };
    let next = 0;
    const worker = async () => {
        while (next < ids.length && !signal.aborted && !info.stoppedBy) {
            const id = ids[next++];
            const got = await client.getRecord(id, signal);
            if (signal.aborted)
                return;
            if (!got.ok && got.failure.fatal)
                info.stoppedBy = got.failure;
            else if (!got.ok)
                info.unfetched.push({ id, failure: got.failure });
            else if (got.record === undefined)
                info.notFound++;
            else {
                info.path ||= external_node_path_.join((0,external_node_fs_.mkdtempSync)(external_node_path_.join(runnerTemp, 'miso-backup-')), 'backup.jsonl');
                (0,external_node_fs_.appendFileSync)(info.path, `${JSON.stringify(got.record)}\n`, { mode: 0o600 });
                info.count++;
            }
        }
    };
    const workers = Math.min(Math.max(1, options.concurrency), ids.length);
    await Promise.all(Array.from({ length: workers }, worker));
    info.cancelled = signal.aborted;
    const parts = [
        `Backup: ${(0,plural/* plural */.L)(info.count, 'record')} written${info.path ? ` to ${info.path}` : ''}`,
        info.notFound > 0 && `${info.notFound} not in Miso (404, nothing to back up)`,
        info.unfetched.length > 0 &&
            `${(0,plural/* plural */.L)(info.unfetched.length, 'record')} could not be fetched and will not be deleted`,
        info.cancelled && 'cancelled before the backup was complete, nothing was deleted'
    ];
    options.log.info(`${parts.filter(Boolean).join('; ')}.`);
    return info;
}
/**
 * Reads the backup file by the one reader of `.jsonl` ID files (which also keeps the path
 * inside the workspace or `RUNNER_TEMP`): its IDs and the record of each line. Any line that
 * is not a record with its ID fails the run before any call.
 */
async function readBackup(settings) {
    const { restoreFile, workspace, runnerTemp, recordType } = settings;
    if (!/\.(jsonl|ndjson)$/i.test(restoreFile))
        throw new Error(`restore-file: "${restoreFile}" is not a backup file (JSON lines, \`.jsonl\`, as \`backup-path\` names it).`);
    if (/[*?[\]{}\n]/.test(restoreFile) || restoreFile.trim().startsWith('!'))
        throw new Error(`restore-file: "${restoreFile}" is a pattern; give the one backup file's path (a pattern could upload a product feed over Miso's records).`);
    const items = [];
    const idField = recordType === 'users' ? 'user_id' : 'product_id';
    const read = (0,formats/* readIdFiles */.VL)([restoreFile], workspace, idField, runnerTemp, { items });
    const groups = await read.catch((error) => {
        throw new Error(error.message.replace(/^ids-file\b/, 'restore-file'));
    });
    // A plain path names one file; each of its lines is one item with one ID.
    const [{ name, ids }] = groups;
    if (!items.every(json/* isObject */.Gv))
        throw new Error(`restore-file: ${name} holds a line that is not a ${recordType} record.`);
    const records = new Map(ids.map((id, i) => [id, items[i]]));
    // The map keeps an ID's last record: an earlier one of the same ID is not in it.
    const twice = ids.find((id, i) => records.get(id) !== items[i]);
    if (twice !== undefined)
        throw new Error(`restore-file: ${name} holds two records of ${JSON.stringify(twice)}: which one to upload is not clear.`);
    return { groups, records };
}
/** The client seen by the deletion run, with its "delete" of a batch replaced. */
const apiOf = (client, deleteProducts) => ({
    deleteProducts,
    getStatus: (taskId, signal) => client.getStatus(taskId, signal)
});
/** A restore's "delete" of a batch of IDs: the upload of their records. */
function restoreApi(client, records) {
    return apiOf(client, async (ids, signal) => {
        // Without the fields Miso computes and refuses on upload.
        const computed = /^(?:product_group_id_or_product_id$|category_path_)/;
        const fields = (id) => Object.entries(records.get(id) ?? {});
        const batch = ids.map(id => Object.fromEntries(fields(id).filter(([key]) => !computed.test(key))));
        const outcome = await client.uploadRecords(batch, signal);
        if (!outcome.ok && outcome.failure.httpStatus === 422 && outcome.body !== undefined)
            outcome.failure.message = refusedRecords(outcome.body, ids) ?? outcome.failure.message;
        return outcome;
    });
}
/**
 * Which records and fields a 422 refused, by ID: Miso's lines `data.<i>.<field> is invalid.
 * <why>` under `data`, or FastAPI's `detail` with `loc` [body, data, i, field].
 */
function refusedRecords(body, ids) {
    const answer = (0,json/* parseJsonOrUndefined */.rx)(body);
    const list = (key) => ((0,json/* isObject */.Gv)(answer) && Array.isArray(answer[key]) ? answer[key] : []);
    // A `detail` item is read as the line Miso would write for it.
    const detail = list('detail').map(item => {
        if (!(0,json/* isObject */.Gv)(item) || !Array.isArray(item.loc))
            return '';
        const why = typeof item.msg === 'string' ? item.msg : '';
        return `${item.loc.slice(item.loc.indexOf('data')).join('.')} is invalid. ${why}`;
    });
    const found = [...list('data'), ...detail].flatMap(line => {
        const match = typeof line === 'string' && /^\s*data\.(\d+)\.?(\S*)\s.*?invalid\.?\s*(.*)$/.exec(line);
        if (!match)
            return [];
        const [, index, field, why] = match;
        const id = ids[Number(index)] ?? `record ${Number(index) + 1}`;
        return [`${id}${field && `.${field}`}${why && `: ${why}`}`];
    });
    if (found.length === 0)
        return undefined;
    const more = found.length > 10 ? ` (and ${found.length - 10} more)` : '';
    return `Miso refused these records: ${found.slice(0, 10).join('; ')}${more}`;
}
// A real run's sending step: a restore uploads the backup's records; a deletion first backs its
// records up (when `backup` says so) and leaves undeleted every record it could not back up.
/** Sends the plan: uploads `restore`'s records when given, else deletes (after the backup). */
async function sendPlan(report, plan, settings, client, restore, options) {
    if (restore) {
        report.undo = { restoring: true };
        report.deletion = await runDeletion(plan.batches, restoreApi(client, restore), options);
        const { status } = report.deletion;
        report.status = status === 'succeeded' ? 'restored' : status;
        return;
    }
    // `backup: auto` backs up runs of at most AUTO_BACKUP_MOST IDs (one request per ID).
    const many = plan.ids.length > AUTO_BACKUP_MOST;
    if (settings.backup === 'auto' && many)
        options.log.notice(`No backup: ${plan.ids.length} IDs is more than the ${AUTO_BACKUP_MOST} that \`backup: auto\` backs up (one request per ID). Set \`backup: true\` to back up any number; this deletion cannot be undone.`);
    const backup = (settings.backup === 'auto' ? !many : settings.backup === 'true')
        ? await backUp(plan.ids, client, { ...options, runnerTemp: settings.runnerTemp })
        : undefined;
    if (backup)
        report.undo = { backup };
    if (backup?.cancelled) {
        report.status = 'cancelled';
        return;
    }
    const stoppedBy = backup?.stoppedBy;
    // A refused key fails the run as the first delete would have, and nothing is sent.
    const api = stoppedBy ? apiOf(client, async () => ({ ok: false, failure: stoppedBy })) : client;
    const unfetched = backup?.unfetched ?? [];
    const left = new Set(unfetched.map(u => u.id));
    const kept = left.size > 0 ? plan.ids.filter(id => !left.has(id)) : undefined;
    const batches = kept ? (0,src_plan/* toBatches */.kn)(kept, settings.batchSize) : plan.batches;
    const deletion = await runDeletion(batches, api, options);
    if (unfetched.length > 0) {
        // The records that could not be backed up as one more batch, failed and never sent:
        // counted in `failed-count`, listed in the rerun file, shown with their reason.
        const { failure } = unfetched[0];
        const why = `${(0,plural/* plural */.L)(left.size, 'record')} could not be backed up (${failure.message})`;
        const error = { ...failure, message: `not deleted: ${why}`, fatal: false };
        plan.batches = [...batches, [...left]];
        const count = left.size;
        deletion.batches.push({ index: batches.length, count, status: 'failed', counts: {}, error });
        deletion.failedCount += count;
        if (['succeeded', 'submitted'].includes(deletion.status))
            deletion.status = 'failed';
    }
    report.deletion = deletion;
    report.status = deletion.status;
}


/***/ })

};
