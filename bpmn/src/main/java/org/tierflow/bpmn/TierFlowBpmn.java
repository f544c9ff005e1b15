package org.tierflow.bpmn;

import java.util.List;

/**
 * The BPMN contract of TierFlow's nomination phase, as constants: every process key, element id,
 * delegate bean name, variable name and outcome value the Java side relies on.
 *
 * <p>The models themselves are classpath resources next to this class
 * ({@code org/tierflow/bpmn/<processId>.bpmn20.xml}). A process designer may rearrange a model,
 * rename its elements' display names or add steps, as long as everything named here stays; see
 * {@code docs/reference/bpmn-contract.md}.
 *
 * <p>This module has no runtime dependency, so this class is plain Java.
 */
public final class TierFlowBpmn {

    // ---------------------------------------------------------------- processes and resources

    /** Process key of the nomination review, which walks the review chain one level at a time. */
    public static final String NOMINATION_PROCESS = "tierflowNominationProcess";

    /** Process key of the review at one level of the chain; called once per chain step. */
    public static final String LEVEL_REVIEW_PROCESS = "tierflowLevelReviewProcess";

    /** Folder of the models on the classpath (not {@code processes/}, so Spring Boot's auto-deployment never picks them up). */
    public static final String RESOURCE_FOLDER = "org/tierflow/bpmn/";

    /** Suffix of every model resource. */
    public static final String RESOURCE_SUFFIX = ".bpmn20.xml";

    /** Classpath resource of {@link #NOMINATION_PROCESS}. */
    public static final String NOMINATION_PROCESS_RESOURCE = RESOURCE_FOLDER + NOMINATION_PROCESS + RESOURCE_SUFFIX;

    /** Classpath resource of {@link #LEVEL_REVIEW_PROCESS}. */
    public static final String LEVEL_REVIEW_PROCESS_RESOURCE = RESOURCE_FOLDER + LEVEL_REVIEW_PROCESS + RESOURCE_SUFFIX;

    /** Every resource of the nomination phase; deploy them together, since the nomination calls the level review. */
    public static final List<String> NOMINATION_RESOURCES = List.of(NOMINATION_PROCESS_RESOURCE, LEVEL_REVIEW_PROCESS_RESOURCE);

    /** Process key of the publicity (公示) of a level's selected candidates: waits for the period's end, then closes it. */
    public static final String PUBLICITY_PROCESS = "tierflowPublicityProcess";

    /** Classpath resource of {@link #PUBLICITY_PROCESS}. */
    public static final String PUBLICITY_PROCESS_RESOURCE = RESOURCE_FOLDER + PUBLICITY_PROCESS + RESOURCE_SUFFIX;

    // ---------------------------------------------------------------- elements of tierflowNominationProcess

    /** Start event of the nomination review. */
    public static final String EVENT_NOMINATION_SUBMITTED = "Event_nominationSubmitted";

    /** Service task that computes the review chain; calls {@link #DELEGATE_PREPARE_REVIEW_CHAIN}. */
    public static final String TASK_PREPARE_REVIEW_CHAIN = "Task_prepareReviewChain";

    /** Call activity that runs {@link #LEVEL_REVIEW_PROCESS} for the current chain step. */
    public static final String TASK_REVIEW_AT_LEVEL = "Task_reviewAtLevel";

    /** Exclusive gateway on {@link #VAR_LEVEL_OUTCOME}; one flow per outcome, no default flow. */
    public static final String GATEWAY_LEVEL_OUTCOME = "Gateway_levelOutcome";

    /** Service task that moves to the next chain step; calls {@link #DELEGATE_ADVANCE_TO_NEXT_LEVEL}. */
    public static final String TASK_ADVANCE_TO_NEXT_LEVEL = "Task_advanceToNextLevel";

    /** Exclusive gateway on {@link #VAR_CHAIN_COMPLETE}. */
    public static final String GATEWAY_CHAIN_COMPLETE = "Gateway_chainComplete";

    /** Service task that records the accepted nomination; calls {@link #DELEGATE_COMPLETE_NOMINATION}. */
    public static final String TASK_COMPLETE_NOMINATION = "Task_completeNomination";

    /** End event reached when every level of the chain passed the nomination. */
    public static final String EVENT_NOMINATION_COMPLETED = "Event_nominationCompleted";

    /** Service task that records a rejection; calls {@link #DELEGATE_RECORD_REJECTION}. */
    public static final String TASK_RECORD_REJECTION = "Task_recordRejection";

    /** End event reached when a level rejected the nomination. */
    public static final String EVENT_NOMINATION_REJECTED = "Event_nominationRejected";

    /** User task of the applicant, who corrects a nomination returned to them; assignee {@code ${applicantId}}. */
    public static final String TASK_CORRECT_NOMINATION = "Task_correctNomination";

    /** Service task that sends the nomination one step down the chain; calls {@link #DELEGATE_RETURN_TO_LOWER_LEVEL}. */
    public static final String TASK_RETURN_TO_LOWER_LEVEL = "Task_returnToLowerLevel";

    // ---------------------------------------------------------------- elements of tierflowLevelReviewProcess

    /** Start event of the level review. */
    public static final String EVENT_LEVEL_REVIEW_STARTED = "Event_levelReviewStarted";

    /** Service task that decides how the level takes part; calls {@link #DELEGATE_PREPARE_LEVEL}. */
    public static final String TASK_PREPARE_LEVEL = "Task_prepareLevel";

    /** Exclusive gateway on {@link #VAR_LEVEL_MODE}. */
    public static final String GATEWAY_LEVEL_MODE = "Gateway_levelMode";

    /** User task of the level's reviewers; candidate users {@code ${reviewCandidates}}; completed with {@link #VAR_LEVEL_OUTCOME}. */
    public static final String TASK_REVIEW_NOMINATION = "Task_reviewNomination";

    /** End event after a reviewer decided. */
    public static final String EVENT_LEVEL_DECIDED = "Event_levelDecided";

    /** Service task that files the nomination with a level that does not decide; calls {@link #DELEGATE_FILE_WITH_LEVEL}. */
    public static final String TASK_FILE_WITH_LEVEL = "Task_fileWithLevel";

    /** End event after the nomination was filed with the level. */
    public static final String EVENT_LEVEL_FILED = "Event_levelFiled";

    /** End event when the level's outcome was decided without a person (set by {@link #DELEGATE_PREPARE_LEVEL}). */
    public static final String EVENT_LEVEL_DECIDED_AUTOMATICALLY = "Event_levelDecidedAutomatically";

    /** Service task that assigns the level's expert panel; calls {@link #DELEGATE_ASSIGN_PANEL}. */
    public static final String TASK_ASSIGN_PANEL = "Task_assignPanel";

    /**
     * User task of each panel expert: parallel multi-instance over {@link #VAR_PANEL_EXPERTS}, element variable
     * {@link #VAR_PANEL_EXPERT}, assignee {@code ${panelExpert}}, completion condition
     * {@link #PANEL_COMPLETION_CONDITION}.
     */
    public static final String TASK_SCORE_NOMINATION = "Task_scoreNomination";

    /** Service task that concludes the panel; calls {@link #DELEGATE_CONCLUDE_PANEL}, sets {@link #VAR_PANEL_OUTCOME}. */
    public static final String TASK_CONCLUDE_PANEL = "Task_concludePanel";

    /** Exclusive gateway on {@link #VAR_PANEL_OUTCOME}. */
    public static final String GATEWAY_PANEL_OUTCOME = "Gateway_panelOutcome";

    /** End event when the panel did not recommend the nomination (the level rejected it). */
    public static final String EVENT_PANEL_NOT_RECOMMENDED = "Event_panelNotRecommended";

    // ---------------------------------------------------------------- elements of tierflowPublicityProcess

    /** Start event of the publicity; the business key is the publication id. */
    public static final String EVENT_PUBLICITY_STARTED = "Event_publicityStarted";

    /** Intermediate timer catch event; due at {@code ${publicityEndsAt}} ({@link #VAR_PUBLICITY_ENDS_AT}). */
    public static final String EVENT_PUBLICITY_PERIOD_ENDED = "Event_publicityPeriodEnded";

    /** Service task that closes the publication and confirms candidates; calls {@link #DELEGATE_CLOSE_PUBLICITY}. */
    public static final String TASK_CLOSE_PUBLICITY = "Task_closePublicity";

    /** End event after the publication was closed. */
    public static final String EVENT_PUBLICITY_CLOSED = "Event_publicityClosed";

    // ---------------------------------------------------------------- delegate beans

    /** Bean behind {@link #TASK_PREPARE_REVIEW_CHAIN}; sets {@link #VAR_STEP_INDEX} and {@link #VAR_CHAIN_LENGTH}. */
    public static final String DELEGATE_PREPARE_REVIEW_CHAIN = "tierflowPrepareReviewChain";

    /** Bean behind {@link #TASK_ADVANCE_TO_NEXT_LEVEL}; increments {@link #VAR_STEP_INDEX}, sets {@link #VAR_CHAIN_COMPLETE}. */
    public static final String DELEGATE_ADVANCE_TO_NEXT_LEVEL = "tierflowAdvanceToNextLevel";

    /** Bean behind {@link #TASK_COMPLETE_NOMINATION}. */
    public static final String DELEGATE_COMPLETE_NOMINATION = "tierflowCompleteNomination";

    /** Bean behind {@link #TASK_RECORD_REJECTION}. */
    public static final String DELEGATE_RECORD_REJECTION = "tierflowRecordRejection";

    /** Bean behind {@link #TASK_RETURN_TO_LOWER_LEVEL}; decrements {@link #VAR_STEP_INDEX}. */
    public static final String DELEGATE_RETURN_TO_LOWER_LEVEL = "tierflowReturnToLowerLevel";

    /** Bean behind {@link #TASK_PREPARE_LEVEL}; sets {@link #VAR_LEVEL_MODE}, {@link #VAR_REVIEW_CANDIDATES}, maybe {@link #VAR_LEVEL_OUTCOME}. */
    public static final String DELEGATE_PREPARE_LEVEL = "tierflowPrepareLevel";

    /** Bean behind {@link #TASK_FILE_WITH_LEVEL}; sets {@link #VAR_LEVEL_OUTCOME}. */
    public static final String DELEGATE_FILE_WITH_LEVEL = "tierflowFileWithLevel";

    /** Bean behind {@link #TASK_ASSIGN_PANEL}; assigns the experts and sets {@link #VAR_PANEL_EXPERTS}. */
    public static final String DELEGATE_ASSIGN_PANEL = "tierflowAssignPanel";

    /** Bean behind {@link #TASK_CONCLUDE_PANEL}; aggregates the scores, sets {@link #VAR_PANEL_OUTCOME} and maybe {@link #VAR_LEVEL_OUTCOME}. */
    public static final String DELEGATE_CONCLUDE_PANEL = "tierflowConcludePanel";

    /** Every delegate bean name the nomination-phase models may call; a customised model may call no other bean. */
    public static final List<String> NOMINATION_DELEGATES = List.of(
            DELEGATE_PREPARE_REVIEW_CHAIN,
            DELEGATE_ADVANCE_TO_NEXT_LEVEL,
            DELEGATE_COMPLETE_NOMINATION,
            DELEGATE_RECORD_REJECTION,
            DELEGATE_RETURN_TO_LOWER_LEVEL,
            DELEGATE_PREPARE_LEVEL,
            DELEGATE_FILE_WITH_LEVEL,
            DELEGATE_ASSIGN_PANEL,
            DELEGATE_CONCLUDE_PANEL);

    /** Bean whose {@code reached(execution)} tells whether the panel's quorum has decided (not a service-task bean). */
    public static final String PANEL_QUORUM_BEAN = "tierflowPanelQuorum";

    /** The only completion condition a TierFlow model may use, on {@link #TASK_SCORE_NOMINATION}. */
    public static final String PANEL_COMPLETION_CONDITION = "${" + PANEL_QUORUM_BEAN + ".reached(execution)}";

    /** Bean behind {@link #TASK_CLOSE_PUBLICITY}: confirms every candidate of the publication without an open objection. */
    public static final String DELEGATE_CLOSE_PUBLICITY = "tierflowClosePublicity";

    /** Every delegate bean name the publicity model may call. */
    public static final List<String> PUBLICITY_DELEGATES = List.of(DELEGATE_CLOSE_PUBLICITY);

    // ---------------------------------------------------------------- variables

    /** String: id of the nomination; passed into each level review. */
    public static final String VAR_NOMINATION_ID = "nominationId";

    /** String: code of the program the nomination belongs to; passed into each level review. */
    public static final String VAR_PROGRAM_CODE = "programCode";

    /** String: code of the tier the applicant applies for; passed into each level review. */
    public static final String VAR_TIER_CODE = "tierCode";

    /** String: user id of the applicant; assignee of {@link #TASK_CORRECT_NOMINATION}; passed into each level review. */
    public static final String VAR_APPLICANT_ID = "applicantId";

    /** Integer: zero-based index of the current step in the review chain. */
    public static final String VAR_STEP_INDEX = "stepIndex";

    /** Integer: number of steps in the review chain. */
    public static final String VAR_CHAIN_LENGTH = "chainLength";

    /** Boolean: whether the chain's top step has passed the nomination. */
    public static final String VAR_CHAIN_COMPLETE = "chainComplete";

    /** String: how the current level takes part, one of {@link #LEVEL_MODES}. */
    public static final String VAR_LEVEL_MODE = "levelMode";

    /** {@code java.util.List<String>}: user ids who may complete {@link #TASK_REVIEW_NOMINATION}. */
    public static final String VAR_REVIEW_CANDIDATES = "reviewCandidates";

    /** String: what the current level decided, one of {@link #LEVEL_OUTCOMES}; copied out of the level review. */
    public static final String VAR_LEVEL_OUTCOME = "levelOutcome";

    /** String: id of the organisation unit whose level reviews now; set by {@link #DELEGATE_PREPARE_LEVEL} in the level review. */
    public static final String VAR_REVIEW_UNIT_ID = "reviewUnitId";

    /** String: the organisation level (enum name) of the current chain step; set by {@link #DELEGATE_PREPARE_LEVEL}. */
    public static final String VAR_REVIEW_LEVEL = "reviewLevel";

    /** String: the review action (enum name) of the current chain step; set by {@link #DELEGATE_PREPARE_LEVEL}. */
    public static final String VAR_REVIEW_ACTION = "reviewAction";

    /** String: Chinese name of the current chain step, for task lists; set by {@link #DELEGATE_PREPARE_LEVEL}. */
    public static final String VAR_STEP_NAME_ZH = "stepNameZh";

    /** String: English name of the current chain step, for task lists; set by {@link #DELEGATE_PREPARE_LEVEL}. */
    public static final String VAR_STEP_NAME_EN = "stepNameEn";

    /** String: id of the unit whose people act on {@link #TASK_REVIEW_NOMINATION} (differs from the review unit after escalation). */
    public static final String VAR_APPROVER_UNIT_ID = "approverUnitId";

    /** String: organisation level (enum name) of {@link #VAR_APPROVER_UNIT_ID}. */
    public static final String VAR_APPROVER_LEVEL = "approverLevel";

    /** String: where the review candidates came from, {@link #SOURCE_DIRECTORY} or {@link #SOURCE_ADMINISTRATOR}. */
    public static final String VAR_APPROVER_SOURCE = "approverSource";

    /** {@code java.util.List<String>}: user ids of the experts assigned to the panel, one {@link #TASK_SCORE_NOMINATION} each. */
    public static final String VAR_PANEL_EXPERTS = "panelExperts";

    /** String, local to each instance of {@link #TASK_SCORE_NOMINATION}: the expert it is assigned to. */
    public static final String VAR_PANEL_EXPERT = "panelExpert";

    /** String: what the panel decided, one of {@link #PANEL_OUTCOMES}; set by {@link #DELEGATE_CONCLUDE_PANEL}. */
    public static final String VAR_PANEL_OUTCOME = "panelOutcome";

    /**
     * String: key of the level-review process the current chain step runs: {@link #LEVEL_REVIEW_PROCESS}, or the
     * process an organisation unit uses instead (its own level review, registered per unit; the nearest unit up
     * the tree wins). Set by {@link #DELEGATE_PREPARE_REVIEW_CHAIN}, {@link #DELEGATE_ADVANCE_TO_NEXT_LEVEL} and
     * {@link #DELEGATE_RETURN_TO_LOWER_LEVEL}; {@link #TASK_REVIEW_AT_LEVEL} calls {@link #LEVEL_REVIEW_CALLED_ELEMENT}.
     */
    public static final String VAR_LEVEL_REVIEW_PROCESS = "levelReviewProcess";

    /** The called element of {@link #TASK_REVIEW_AT_LEVEL}: the level review chosen for the step's unit. */
    public static final String LEVEL_REVIEW_CALLED_ELEMENT = "${" + VAR_LEVEL_REVIEW_PROCESS + "}";

    /** String: id of the publication a publicity process closes (also its business key). */
    public static final String VAR_PUBLICATION_ID = "publicationId";

    /** {@code java.util.Date}: when the publicity period ends; the due date of {@link #EVENT_PUBLICITY_PERIOD_ENDED}. */
    public static final String VAR_PUBLICITY_ENDS_AT = "publicityEndsAt";

    /** The variables the nomination passes into every level review (call activity in-parameters). */
    public static final List<String> LEVEL_REVIEW_INPUTS = List.of(
            VAR_NOMINATION_ID, VAR_PROGRAM_CODE, VAR_TIER_CODE, VAR_APPLICANT_ID, VAR_STEP_INDEX);

    /** The variables every level review hands back (call activity out-parameters). */
    public static final List<String> LEVEL_REVIEW_OUTPUTS = List.of(VAR_LEVEL_OUTCOME);

    // ---------------------------------------------------------------- values

    /** {@link #VAR_LEVEL_OUTCOME}: the level passes the nomination up the chain. */
    public static final String OUTCOME_PASS = "PASS";

    /** {@link #VAR_LEVEL_OUTCOME}: the level rejects the nomination; the review ends. */
    public static final String OUTCOME_REJECT = "REJECT";

    /** {@link #VAR_LEVEL_OUTCOME}: the applicant corrects the nomination, then the same level reviews it again. */
    public static final String OUTCOME_RETURN_TO_APPLICANT = "RETURN_TO_APPLICANT";

    /** {@link #VAR_LEVEL_OUTCOME}: the step below reviews the nomination again. */
    public static final String OUTCOME_RETURN_TO_LOWER_LEVEL = "RETURN_TO_LOWER_LEVEL";

    /** Every value {@link #VAR_LEVEL_OUTCOME} may take; any other value makes the nomination fail at {@link #GATEWAY_LEVEL_OUTCOME}. */
    public static final List<String> LEVEL_OUTCOMES = List.of(
            OUTCOME_PASS, OUTCOME_REJECT, OUTCOME_RETURN_TO_APPLICANT, OUTCOME_RETURN_TO_LOWER_LEVEL);

    /** {@link #VAR_LEVEL_MODE}: a reviewer of the level decides ({@link #TASK_REVIEW_NOMINATION}). */
    public static final String MODE_DECIDE = "DECIDE";

    /** {@link #VAR_LEVEL_MODE}: the nomination is only filed with the level ({@link #TASK_FILE_WITH_LEVEL}). */
    public static final String MODE_FILE = "FILE";

    /** {@link #VAR_LEVEL_MODE}: {@link #DELEGATE_PREPARE_LEVEL} has already set {@link #VAR_LEVEL_OUTCOME}. */
    public static final String MODE_AUTO = "AUTO";

    /** {@link #VAR_LEVEL_MODE}: an expert panel scores first ({@link #TASK_ASSIGN_PANEL}), then a reviewer decides. */
    public static final String MODE_PANEL = "PANEL";

    /** Every value {@link #VAR_LEVEL_MODE} may take; any other value makes the level review fail at {@link #GATEWAY_LEVEL_MODE}. */
    public static final List<String> LEVEL_MODES = List.of(MODE_DECIDE, MODE_FILE, MODE_AUTO, MODE_PANEL);

    /** {@link #VAR_PANEL_OUTCOME}: the panel recommends; the level's reviewers decide as usual. */
    public static final String PANEL_RECOMMENDED = "RECOMMENDED";

    /** {@link #VAR_PANEL_OUTCOME}: the panel does not recommend; {@link #VAR_LEVEL_OUTCOME} is {@link #OUTCOME_REJECT}. */
    public static final String PANEL_NOT_RECOMMENDED = "NOT_RECOMMENDED";

    /** Every value {@link #VAR_PANEL_OUTCOME} may take. */
    public static final List<String> PANEL_OUTCOMES = List.of(PANEL_RECOMMENDED, PANEL_NOT_RECOMMENDED);

    /** {@link #VAR_APPROVER_SOURCE}: the candidates are the approvers the host's directory named. */
    public static final String SOURCE_DIRECTORY = "DIRECTORY";

    /** {@link #VAR_APPROVER_SOURCE}: nobody was found, so the configured administrator reviews. */
    public static final String SOURCE_ADMINISTRATOR = "ADMINISTRATOR";

    // ================================================================ after selection: the life cycle

    /** Process key of the whole life cycle of one candidate, calling each phase's process in turn. */
    public static final String LIFECYCLE_PROCESS = "tierflowLifecycleProcess";

    /** Process key of the task book (项目任务书): generated, signed by the candidate, countersigned by the authority. */
    public static final String TASK_BOOK_PROCESS = "tierflowTaskBookProcess";

    /** Process key of the implementation period (培养周期), which ends on a timer. */
    public static final String IMPLEMENTATION_PROCESS = "tierflowImplementationProcess";

    /** Process key of acceptance (考核验收) with its extension loop (延长半年整改). */
    public static final String ACCEPTANCE_PROCESS = "tierflowAcceptanceProcess";

    /** Process key of the comprehensive evaluation (综合考评). */
    public static final String EVALUATION_PROCESS = "tierflowEvaluationProcess";

    /** Classpath resource of {@link #LIFECYCLE_PROCESS}. */
    public static final String LIFECYCLE_PROCESS_RESOURCE = RESOURCE_FOLDER + LIFECYCLE_PROCESS + RESOURCE_SUFFIX;

    /** Classpath resource of {@link #TASK_BOOK_PROCESS}. */
    public static final String TASK_BOOK_PROCESS_RESOURCE = RESOURCE_FOLDER + TASK_BOOK_PROCESS + RESOURCE_SUFFIX;

    /** Classpath resource of {@link #IMPLEMENTATION_PROCESS}. */
    public static final String IMPLEMENTATION_PROCESS_RESOURCE = RESOURCE_FOLDER + IMPLEMENTATION_PROCESS + RESOURCE_SUFFIX;

    /** Classpath resource of {@link #ACCEPTANCE_PROCESS}. */
    public static final String ACCEPTANCE_PROCESS_RESOURCE = RESOURCE_FOLDER + ACCEPTANCE_PROCESS + RESOURCE_SUFFIX;

    /** Classpath resource of {@link #EVALUATION_PROCESS}. */
    public static final String EVALUATION_PROCESS_RESOURCE = RESOURCE_FOLDER + EVALUATION_PROCESS + RESOURCE_SUFFIX;

    /** Process key of the phases a tier's work runs through after selection (program B: pilot, training, rollout). */
    public static final String PHASE_PROCESS = "tierflowPhaseProcess";

    /** Classpath resource of {@link #PHASE_PROCESS}. */
    public static final String PHASE_PROCESS_RESOURCE = RESOURCE_FOLDER + PHASE_PROCESS + RESOURCE_SUFFIX;

    /** Every resource of the life cycle after selection; deploy them together, since the life cycle calls the others. */
    public static final List<String> LIFECYCLE_RESOURCES = List.of(LIFECYCLE_PROCESS_RESOURCE, TASK_BOOK_PROCESS_RESOURCE,
            IMPLEMENTATION_PROCESS_RESOURCE, ACCEPTANCE_PROCESS_RESOURCE, EVALUATION_PROCESS_RESOURCE,
            PHASE_PROCESS_RESOURCE);

    /** The id of every process TierFlow's models define, in the order of {@link #RESOURCES}. */
    public static final List<String> PROCESSES = List.of(NOMINATION_PROCESS, LEVEL_REVIEW_PROCESS, PUBLICITY_PROCESS,
            LIFECYCLE_PROCESS, TASK_BOOK_PROCESS, IMPLEMENTATION_PROCESS, ACCEPTANCE_PROCESS, EVALUATION_PROCESS,
            PHASE_PROCESS);

    /** Every model TierFlow deploys: the nomination phase, the publicity and the life cycle after selection. */
    public static final List<String> RESOURCES = List.of(NOMINATION_PROCESS_RESOURCE, LEVEL_REVIEW_PROCESS_RESOURCE,
            PUBLICITY_PROCESS_RESOURCE, LIFECYCLE_PROCESS_RESOURCE, TASK_BOOK_PROCESS_RESOURCE,
            IMPLEMENTATION_PROCESS_RESOURCE, ACCEPTANCE_PROCESS_RESOURCE, EVALUATION_PROCESS_RESOURCE,
            PHASE_PROCESS_RESOURCE);


    // ---------------------------------------------------------------- elements of tierflowLifecycleProcess

    /** Start event of the life cycle. */
    public static final String EVENT_LIFECYCLE_STARTED = "Event_lifecycleStarted";

    /** Exclusive gateway on {@link #VAR_NOMINATION_REVIEWED}: started after selection, or before the nomination review. */
    public static final String GATEWAY_NOMINATION_REVIEWED = "Gateway_nominationReviewed";

    /** Call activity that runs {@link #NOMINATION_PROCESS} when the life cycle starts before the review. */
    public static final String TASK_RUN_NOMINATION_REVIEW = "Task_runNominationReview";

    /** Service task that reads what the tier asks after selection; calls {@link #DELEGATE_PREPARE_LIFECYCLE}. */
    public static final String TASK_PREPARE_LIFECYCLE = "Task_prepareLifecycle";

    /** Exclusive gateway on {@link #VAR_NOMINATION_SELECTED}. */
    public static final String GATEWAY_NOMINATION_SELECTED = "Gateway_nominationSelected";

    /** Exclusive gateway on {@link #VAR_TASK_BOOK_REQUIRED}. */
    public static final String GATEWAY_TASK_BOOK_REQUIRED = "Gateway_taskBookRequired";

    /** Call activity that runs {@link #TASK_BOOK_PROCESS}. */
    public static final String TASK_RUN_TASK_BOOK = "Task_runTaskBook";

    /** Call activity that runs {@link #IMPLEMENTATION_PROCESS}. */
    public static final String TASK_RUN_IMPLEMENTATION = "Task_runImplementation";

    /** Exclusive gateway on {@link #VAR_ACCEPTANCE_REQUIRED}. */
    public static final String GATEWAY_ACCEPTANCE_REQUIRED = "Gateway_acceptanceRequired";

    /** Call activity that runs {@link #ACCEPTANCE_PROCESS}; hands back {@link #VAR_ACCEPTANCE_PASSED}. */
    public static final String TASK_RUN_ACCEPTANCE = "Task_runAcceptance";

    /** Exclusive gateway on {@link #VAR_ACCEPTANCE_PASSED}. */
    public static final String GATEWAY_ACCEPTANCE_PASSED = "Gateway_acceptancePassed";

    /** Exclusive gateway on {@link #VAR_EVALUATION_REQUIRED}. */
    public static final String GATEWAY_EVALUATION_REQUIRED = "Gateway_evaluationRequired";

    /** Call activity that runs {@link #EVALUATION_PROCESS}; hands back {@link #VAR_EVALUATION_QUALIFIED}. */
    public static final String TASK_RUN_EVALUATION = "Task_runEvaluation";

    /** Exclusive gateway on {@link #VAR_EVALUATION_QUALIFIED}. */
    public static final String GATEWAY_EVALUATION_QUALIFIED = "Gateway_evaluationQualified";

    /** Exclusive gateway on {@link #VAR_CREDENTIAL_AWARDED}. */
    public static final String GATEWAY_CREDENTIAL_AWARDED = "Gateway_credentialAwarded";

    /** User task of the issuing authority; candidate users {@code ${credentialIssuers}}; completed when the credential is issued. */
    public static final String TASK_ISSUE_CREDENTIAL = "Task_issueCredential";

    // ---------------------------------------------------------------- elements of tierflowTaskBookProcess

    /** Service task that generates the task book and its signing deadline; calls {@link #DELEGATE_PREPARE_TASK_BOOK}. */
    public static final String TASK_PREPARE_TASK_BOOK = "Task_prepareTaskBook";

    /** User task of the candidate, who signs the task book; assignee {@code ${applicantId}}. */
    public static final String TASK_SIGN_TASK_BOOK = "Task_signTaskBook";

    /** Non-interrupting timer on {@link #TASK_SIGN_TASK_BOOK} at {@link #VAR_TASK_BOOK_REMINDER_AT}. */
    public static final String EVENT_SIGNING_REMINDER_DUE = "Event_signingReminderDue";

    /** Service task that reminds the candidate to sign; calls {@link #DELEGATE_REMIND_TO_SIGN}. */
    public static final String TASK_REMIND_TO_SIGN = "Task_remindToSign";

    /** Non-interrupting timer on {@link #TASK_SIGN_TASK_BOOK} at {@link #VAR_TASK_BOOK_DEADLINE}. */
    public static final String EVENT_SIGNING_DEADLINE_PASSED = "Event_signingDeadlinePassed";

    /** Service task that tells the candidate and the authority the deadline passed; calls {@link #DELEGATE_REPORT_SIGNING_OVERDUE}. */
    public static final String TASK_REPORT_SIGNING_OVERDUE = "Task_reportSigningOverdue";

    /** Exclusive gateway on {@link #VAR_SIGNED_ELSEWHERE}. */
    public static final String GATEWAY_SIGNED_ELSEWHERE = "Gateway_signedElsewhere";

    /** User task of the authority, who countersigns; candidate users {@code ${countersignCandidates}}. */
    public static final String TASK_COUNTERSIGN_TASK_BOOK = "Task_countersignTaskBook";

    // ---------------------------------------------------------------- elements of tierflowImplementationProcess

    /** Service task that fixes the working period; calls {@link #DELEGATE_START_IMPLEMENTATION}. */
    public static final String TASK_START_IMPLEMENTATION = "Task_startImplementation";

    /** Timer catch event at {@link #VAR_WORKING_PERIOD_ENDS_AT}. */
    public static final String EVENT_WORKING_PERIOD_ENDED = "Event_workingPeriodEnded";

    /** Service task that asks the candidate for the final report; calls {@link #DELEGATE_REQUEST_FINAL_REPORT}. */
    public static final String TASK_REQUEST_FINAL_REPORT = "Task_requestFinalReport";

    // ---------------------------------------------------------------- elements of tierflowAcceptanceProcess

    /** Service task that opens the first acceptance round; calls {@link #DELEGATE_PREPARE_ACCEPTANCE}. */
    public static final String TASK_PREPARE_ACCEPTANCE = "Task_prepareAcceptance";

    /** User task of the candidate, who submits the final (or rectification) report; assignee {@code ${applicantId}}. */
    public static final String TASK_SUBMIT_ACCEPTANCE_REPORT = "Task_submitAcceptanceReport";

    /** Service task that finds who acts at the current acceptance step; calls {@link #DELEGATE_PREPARE_ACCEPTANCE_LEVEL}. */
    public static final String TASK_PREPARE_ACCEPTANCE_LEVEL = "Task_prepareAcceptanceLevel";

    /** User task of the acceptance step's people; candidate users {@code ${acceptanceCandidates}}. */
    public static final String TASK_REVIEW_ACCEPTANCE = "Task_reviewAcceptance";

    /** Exclusive gateway on {@link #VAR_ACCEPTANCE_DECIDED}. */
    public static final String GATEWAY_ACCEPTANCE_DECIDED = "Gateway_acceptanceDecided";

    /** Exclusive gateway on {@link #VAR_ACCEPTANCE_PASSED} inside the acceptance. */
    public static final String GATEWAY_ROUND_PASSED = "Gateway_roundPassed";

    /** Exclusive gateway on {@link #VAR_EXTENSION_AVAILABLE}. */
    public static final String GATEWAY_EXTENSION_AVAILABLE = "Gateway_extensionAvailable";

    /** Service task that extends the working period; calls {@link #DELEGATE_EXTEND_WORKING_PERIOD}. */
    public static final String TASK_EXTEND_WORKING_PERIOD = "Task_extendWorkingPeriod";

    /** Timer catch event at the extended {@link #VAR_WORKING_PERIOD_ENDS_AT}. */
    public static final String EVENT_EXTENSION_ENDED = "Event_extensionEnded";

    // ---------------------------------------------------------------- elements of tierflowEvaluationProcess

    /** Service task that lists who may score; calls {@link #DELEGATE_PREPARE_EVALUATION}. */
    public static final String TASK_PREPARE_EVALUATION = "Task_prepareEvaluation";

    /** User task completed when every party has scored; candidate users {@code ${evaluationCandidates}}. */
    public static final String TASK_COLLECT_EVALUATION_SCORES = "Task_collectEvaluationScores";

    /** Exclusive gateway on {@link #VAR_EVALUATION_QUALIFIED} inside the evaluation. */
    public static final String GATEWAY_QUALIFIED = "Gateway_qualified";

    // ---------------------------------------------------------------- delegate beans of the life cycle

    /** Bean behind {@link #TASK_PREPARE_LIFECYCLE}; sets the flags {@link #VAR_NOMINATION_SELECTED} … {@link #VAR_CREDENTIAL_AWARDED}. */
    public static final String DELEGATE_PREPARE_LIFECYCLE = "tierflowPrepareLifecycle";

    /** Bean behind {@link #TASK_PREPARE_TASK_BOOK}; sets {@link #VAR_TASK_BOOK_DEADLINE}, {@link #VAR_TASK_BOOK_REMINDER_AT}, {@link #VAR_COUNTERSIGN_CANDIDATES}. */
    public static final String DELEGATE_PREPARE_TASK_BOOK = "tierflowPrepareTaskBook";

    /** Bean behind {@link #TASK_REMIND_TO_SIGN}. */
    public static final String DELEGATE_REMIND_TO_SIGN = "tierflowRemindToSign";

    /** Bean behind {@link #TASK_REPORT_SIGNING_OVERDUE}. */
    public static final String DELEGATE_REPORT_SIGNING_OVERDUE = "tierflowReportSigningOverdue";

    /** Bean behind {@link #TASK_START_IMPLEMENTATION}; sets {@link #VAR_WORKING_PERIOD_ENDS_AT}. */
    public static final String DELEGATE_START_IMPLEMENTATION = "tierflowStartImplementation";

    /** Bean behind {@link #TASK_REQUEST_FINAL_REPORT}. */
    public static final String DELEGATE_REQUEST_FINAL_REPORT = "tierflowRequestFinalReport";

    /** Bean behind {@link #TASK_PREPARE_ACCEPTANCE}; sets {@link #VAR_ACCEPTANCE_ROUND}. */
    public static final String DELEGATE_PREPARE_ACCEPTANCE = "tierflowPrepareAcceptance";

    /** Bean behind {@link #TASK_PREPARE_ACCEPTANCE_LEVEL}; sets {@link #VAR_ACCEPTANCE_CANDIDATES}. */
    public static final String DELEGATE_PREPARE_ACCEPTANCE_LEVEL = "tierflowPrepareAcceptanceLevel";

    /** Bean behind {@link #TASK_EXTEND_WORKING_PERIOD}; moves {@link #VAR_WORKING_PERIOD_ENDS_AT} by the extension. */
    public static final String DELEGATE_EXTEND_WORKING_PERIOD = "tierflowExtendWorkingPeriod";

    /** Bean behind {@link #TASK_PREPARE_EVALUATION}; sets {@link #VAR_EVALUATION_CANDIDATES}. */
    public static final String DELEGATE_PREPARE_EVALUATION = "tierflowPrepareEvaluation";

    /** Bean opening the next phase: records it, sets its candidates and due date. */
    public static final String DELEGATE_START_PHASE = "tierflowStartPhase";

    /** Bean behind {@link #TASK_REPORT_PHASE_OVERDUE}: tells the deciders and the candidate the decision is overdue. */
    public static final String DELEGATE_REPORT_PHASE_OVERDUE = "tierflowReportPhaseOverdue";

    /** Every delegate bean name the life-cycle models may call. */
    public static final List<String> LIFECYCLE_DELEGATES = List.of(
            DELEGATE_PREPARE_LIFECYCLE,
            DELEGATE_PREPARE_TASK_BOOK,
            DELEGATE_REMIND_TO_SIGN,
            DELEGATE_REPORT_SIGNING_OVERDUE,
            DELEGATE_START_IMPLEMENTATION,
            DELEGATE_REQUEST_FINAL_REPORT,
            DELEGATE_PREPARE_ACCEPTANCE,
            DELEGATE_PREPARE_ACCEPTANCE_LEVEL,
            DELEGATE_EXTEND_WORKING_PERIOD,
            DELEGATE_PREPARE_EVALUATION,
            DELEGATE_START_PHASE,
            DELEGATE_REPORT_PHASE_OVERDUE);

    // ---------------------------------------------------------------- variables of the life cycle

    /** Boolean, given at start: whether the nomination was already reviewed (and selected) on its own. */
    public static final String VAR_NOMINATION_REVIEWED = "nominationReviewed";

    /** Boolean: whether the nomination stands selected. */
    public static final String VAR_NOMINATION_SELECTED = "nominationSelected";

    /** Boolean: whether the tier has a task book. */
    public static final String VAR_TASK_BOOK_REQUIRED = "taskBookRequired";

    /** Boolean: whether the tier has an acceptance. */
    public static final String VAR_ACCEPTANCE_REQUIRED = "acceptanceRequired";

    /** Boolean: whether the tier has a comprehensive evaluation. */
    public static final String VAR_EVALUATION_REQUIRED = "evaluationRequired";

    /** Boolean: whether the tier awards a credential. */
    public static final String VAR_CREDENTIAL_AWARDED = "credentialAwarded";

    /** Boolean: whether the acceptance passed (the current round, and in the end the acceptance as a whole). */
    public static final String VAR_ACCEPTANCE_PASSED = "acceptancePassed";

    /** Boolean: whether the comprehensive evaluation qualified the candidate. */
    public static final String VAR_EVALUATION_QUALIFIED = "evaluationQualified";

    /** {@code java.util.Date}: when the task book must be signed. */
    public static final String VAR_TASK_BOOK_DEADLINE = "taskBookDeadline";

    /** {@code java.util.Date}: when the candidate is reminded to sign. */
    public static final String VAR_TASK_BOOK_REMINDER_AT = "taskBookReminderAt";

    /** {@code java.util.List<String>}: user ids who may countersign for the authority. */
    public static final String VAR_COUNTERSIGN_CANDIDATES = "countersignCandidates";

    /** Boolean: whether a host recorded that the task book was signed elsewhere (the countersign is skipped). */
    public static final String VAR_SIGNED_ELSEWHERE = "signedElsewhere";

    /** {@code java.util.Date}: when the working period (implementation, or its extension) ends. */
    public static final String VAR_WORKING_PERIOD_ENDS_AT = "workingPeriodEndsAt";

    /** Integer: the acceptance round, 1 for the first acceptance, 2 after the first extension, … */
    public static final String VAR_ACCEPTANCE_ROUND = "acceptanceRound";

    /** Integer: zero-based index of the current step of the acceptance chain. */
    public static final String VAR_ACCEPTANCE_STEP_INDEX = "acceptanceStepIndex";

    /** {@code java.util.List<String>}: user ids who may act at the current acceptance step. */
    public static final String VAR_ACCEPTANCE_CANDIDATES = "acceptanceCandidates";

    /** Boolean: whether the current acceptance round has an outcome. */
    public static final String VAR_ACCEPTANCE_DECIDED = "acceptanceDecided";

    /** Boolean: whether a failed round may still be followed by an extension. */
    public static final String VAR_EXTENSION_AVAILABLE = "extensionAvailable";

    /** {@code java.util.List<String>}: user ids who may score in the evaluation. */
    public static final String VAR_EVALUATION_CANDIDATES = "evaluationCandidates";

    /** {@code java.util.List<String>}: user ids who may issue the credential. */
    public static final String VAR_CREDENTIAL_ISSUERS = "credentialIssuers";

    /** Boolean: whether the tier's definition lists {@code phases} (then they replace the implementation period). */
    public static final String VAR_PHASES_DEFINED = "phasesDefined";

    /** Boolean: whether the phase just decided passed; handed back to the life cycle when the phases end. */
    public static final String VAR_PHASE_PASSED = "phasePassed";

    /** Boolean: whether the phase just passed was the definition's last one. */
    public static final String VAR_PHASES_COMPLETE = "phasesComplete";

    /** {@code java.util.List<String>}: user ids who may decide the current phase (approvers at its decidedBy level). */
    public static final String VAR_PHASE_CANDIDATES = "phaseCandidates";

    /** {@code java.util.Date}: the current phase's due date, its start plus its period from the definition. */
    public static final String VAR_PHASE_DUE_AT = "phaseDueAt";

    /** The variables the life cycle passes into every phase process (call activity in-parameters). */
    public static final List<String> PHASE_INPUTS = List.of(VAR_NOMINATION_ID, VAR_PROGRAM_CODE, VAR_TIER_CODE, VAR_APPLICANT_ID);

    /** The date variables a timer of a TierFlow model may wait for ({@code <timeDate>${name}</timeDate>}). */
    public static final List<String> TIMER_VARIABLES = List.of(VAR_TASK_BOOK_DEADLINE, VAR_TASK_BOOK_REMINDER_AT,
            VAR_WORKING_PERIOD_ENDS_AT, VAR_PUBLICITY_ENDS_AT, VAR_PHASE_DUE_AT);

    // ---------------------------------------------------------------- elements of tierflowPhaseProcess

    /** Start event of the phases. */
    public static final String EVENT_PHASES_STARTED = "Event_phasesStarted";

    /** Service task opening the next phase of the definition (bean {@link #DELEGATE_START_PHASE}). */
    public static final String TASK_START_PHASE = "Task_startPhase";

    /** User task completed when the phase's level decides it (candidates {@link #VAR_PHASE_CANDIDATES}). */
    public static final String TASK_DECIDE_PHASE = "Task_decidePhase";

    /** Non-interrupting timer on {@link #TASK_DECIDE_PHASE} at {@link #VAR_PHASE_DUE_AT}. */
    public static final String EVENT_PHASE_OVERDUE = "Event_phaseOverdue";

    /** Service task reporting the overdue decision; calls {@link #DELEGATE_REPORT_PHASE_OVERDUE}. */
    public static final String TASK_REPORT_PHASE_OVERDUE = "Task_reportPhaseOverdue";

    /** Gateway on {@link #VAR_PHASE_PASSED}. */
    public static final String GATEWAY_PHASE_PASSED = "Gateway_phasePassed";

    /** Gateway on {@link #VAR_PHASES_COMPLETE}. */
    public static final String GATEWAY_PHASES_COMPLETE = "Gateway_phasesComplete";

    /** End event: every phase passed. */
    public static final String EVENT_PHASES_COMPLETED = "Event_phasesCompleted";

    /** End event: a phase failed, the work ends. */
    public static final String EVENT_PHASE_FAILED = "Event_phaseFailed";

    /** Gateway of the life cycle on {@link #VAR_PHASES_DEFINED}. */
    public static final String GATEWAY_PHASES_DEFINED = "Gateway_phasesDefined";

    /** Call activity of the life cycle running {@link #PHASE_PROCESS}. */
    public static final String TASK_RUN_PHASES = "Task_runPhases";

    /** Gateway of the life cycle on {@link #VAR_PHASE_PASSED} after the phases. */
    public static final String GATEWAY_PHASES_PASSED = "Gateway_phasesPassed";

    /** End event of the life cycle: a phase failed. */
    public static final String EVENT_ENDED_IN_PHASE = "Event_endedInPhase";

    private TierFlowBpmn() {
    }
}
