export const id = 527;
export const ids = [527];
export const modules = {

/***/ 6527:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lookUpJobId: () => (/* binding */ lookUpJobId)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8627);


/** How long the lookup may take: it only improves a link, it must never hold the step up. */
const LOOKUP_TIMEOUT_MS = 10_000;
/**
 * The numeric id of the job running this step, from the jobs REST API of this run attempt, for
 * runners that do not provide `${{ job.check_run_id }}` (GitHub Enterprise Server). The job is the
 * one in progress on this runner (RUNNER_NAME); failing that, the only one in progress named like
 * the job key (GITHUB_JOB). Loaded on demand (dynamic import), so a run that has the id never pays
 * for Octokit's start-up. Resolves to undefined, with the reason, when it cannot tell.
 */
async function lookUpJobId(ctx, token, env = process.env) {
    const [owner, repo] = ctx.repository.split('/');
    if (!owner || !repo || !/^\d+$/.test(ctx.runId))
        return { reason: 'GITHUB_REPOSITORY or GITHUB_RUN_ID is not set' };
    try {
        const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, { request: { signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS) } });
        const attempt = /^\d+$/.test(ctx.runAttempt) ? Number(ctx.runAttempt) : 1;
        const jobs = (await octokit.paginate('GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs', {
            owner,
            repo,
            run_id: Number(ctx.runId),
            attempt_number: attempt,
            per_page: 100,
        }));
        const running = jobs.filter((j) => j.status === 'in_progress');
        const runner = (env.RUNNER_NAME ?? '').trim();
        const onThisRunner = runner ? running.filter((j) => j.runner_name === runner) : [];
        const named = running.filter((j) => j.name === ctx.job);
        const match = onThisRunner.length === 1 ? onThisRunner[0] : named.length === 1 ? named[0] : undefined;
        if (!match)
            return { reason: `${running.length} jobs of this run are in progress and none is clearly this one` };
        return { id: String(match.id) };
    }
    catch (err) {
        const status = err.status;
        return { reason: `${typeof status === 'number' ? `HTTP ${status}: ` : ''}${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}` };
    }
}


/***/ })

};
