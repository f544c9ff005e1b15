package org.tierflow.core.internal.lifecycle;

import static org.tierflow.bpmn.TierFlowBpmn.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.tierflow.core.api.DeadlineKind;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.TaskBook;
import org.tierflow.core.api.TaskBookService;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.ReviewAction;
import org.tierflow.core.internal.persistence.DeadlineChangeEntity;
import org.tierflow.core.internal.persistence.JsonCodec;
import org.tierflow.core.internal.persistence.NominationEntity;
import org.tierflow.core.internal.persistence.TaskBookEntity;

/** {@link TaskBookService} on the task-book model and TierFlow's tables. */
final class DefaultTaskBookService implements TaskBookService {

    private static final LocalizedText COUNTERSIGN = new LocalizedText("会签任务书", "countersign the task book");
    private static final LocalizedText SIGNED_ELSEWHERE = new LocalizedText("登记任务书已在线下签订",
            "record that the task book was signed elsewhere");
    private static final LocalizedText MOVE_DEADLINE = new LocalizedText("调整任务书签署期限",
            "move the signing deadline of the task book");

    private final LifecycleSupport support;

    DefaultTaskBookService(LifecycleSupport support) {
        this.support = support;
    }

    @Override
    public TaskBook get(String nominationId) {
        return support.runtime.inTransaction(() -> toTaskBook(book(support.nomination(nominationId).getId())));
    }

    @Override
    public TaskBook sign(String nominationId, String candidateId) {
        return support.runtime.inTransaction(() -> {
            NominationEntity nomination = support.nomination(nominationId);
            TaskBookEntity book = book(nominationId);
            support.requireCandidate(candidateId, nomination, new LocalizedText("签署任务书", "sign the task book"));
            Task task = support.openTask(nominationId, TASK_SIGN_TASK_BOOK).orElseThrow(() -> new InvalidRequestException(
                    "not-awaiting-candidate", new LocalizedText(
                    "申报 " + nominationId + " 的任务书当前不等待候选人签署（" + state(book) + "）",
                    "the task book of nomination " + nominationId + " is not waiting for the candidate's signature ("
                            + state(book) + ")")));
            lock(book);
            book.setCandidateSignedBy(candidateId);
            book.setCandidateSignedAt(support.now());
            support.complete(task, Map.of(VAR_SIGNED_ELSEWHERE, false));
            return toTaskBook(book);
        });
    }

    @Override
    public TaskBook countersign(String nominationId, String actorId) {
        return support.runtime.inTransaction(() -> {
            NominationEntity nomination = support.nomination(nominationId);
            TaskBookEntity book = book(nominationId);
            support.authorize(actorId, nomination, authority(book), ReviewAction.DECIDE, COUNTERSIGN);
            Task task = support.openTask(nominationId, TASK_COUNTERSIGN_TASK_BOOK).orElseThrow(() -> new InvalidRequestException(
                    "not-awaiting-countersign", new LocalizedText(
                    "申报 " + nominationId + " 的任务书当前不等待会签（" + state(book) + "）",
                    "the task book of nomination " + nominationId + " is not waiting for the countersign (" + state(book) + ")")));
            lock(book);
            book.setCountersignedBy(actorId);
            book.setCountersignedAt(support.now());
            support.complete(task, Map.of());
            return toTaskBook(book);
        });
    }

    @Override
    public TaskBook recordSignedElsewhere(String nominationId, String actorId, String reason) {
        String why = LifecycleSupport.reason(reason, SIGNED_ELSEWHERE);
        return support.runtime.inTransaction(() -> {
            NominationEntity nomination = support.nomination(nominationId);
            TaskBookEntity book = book(nominationId);
            support.authorize(actorId, nomination, authority(book), ReviewAction.DECIDE, SIGNED_ELSEWHERE);
            Task task = openSigningTask(nominationId, book);
            lock(book);
            book.setSignedElsewhereBy(actorId);
            book.setSignedElsewhereReason(why);
            book.setSignedElsewhereAt(support.now());
            support.complete(task, Map.of(VAR_SIGNED_ELSEWHERE, true));
            return toTaskBook(book);
        });
    }

    @Override
    public TaskBook moveDeadline(String nominationId, String actorId, Instant newDeadline, String reason) {
        String why = LifecycleSupport.reason(reason, MOVE_DEADLINE);
        if (newDeadline == null) {
            throw new InvalidRequestException("missing-field", new LocalizedText(
                    "缺少字段 newDeadline（新的签署期限）", "the field newDeadline is missing"));
        }
        return support.runtime.inTransaction(() -> {
            NominationEntity nomination = support.nomination(nominationId);
            TaskBookEntity book = book(nominationId);
            support.authorize(actorId, nomination, authority(book), ReviewAction.DECIDE, MOVE_DEADLINE);
            openSigningTask(nominationId, book);
            Instant now = support.now();
            requireFuture(newDeadline, now);
            lock(book);
            record(nominationId, DeadlineKind.TASK_BOOK_SIGNING, book.getDeadline(), newDeadline, why, actorId, support);
            book.setDeadline(newDeadline);
            for (ProcessInstance instance : support.running(nominationId, TASK_BOOK_PROCESS)) {
                support.moveTimers(instance, VAR_TASK_BOOK_DEADLINE, newDeadline);
                support.moveTimers(instance, VAR_TASK_BOOK_REMINDER_AT, LifecycleDelegates.reminderBefore(newDeadline, now));
            }
            return toTaskBook(book);
        });
    }

    static void requireFuture(Instant when, Instant now) {
        if (!when.isAfter(now)) {
            throw new InvalidRequestException("deadline-in-past", new LocalizedText(
                    "新的期限 " + when + " 不晚于当前时间 " + now + "：期限只能调整到将来",
                    "the new deadline " + when + " is not after now (" + now + "): a deadline can only move into the future"));
        }
    }

    static void record(String nominationId, DeadlineKind kind, Instant previous, Instant next, String reason,
                       String actorId, LifecycleSupport support) {
        DeadlineChangeEntity change = new DeadlineChangeEntity();
        change.setId(UUID.randomUUID().toString());
        change.setNominationId(nominationId);
        change.setDeadlineKind(kind.name());
        change.setPreviousAt(previous);
        change.setNewAt(next);
        change.setReason(reason);
        change.setChangedBy(actorId);
        change.setChangedAt(support.now());
        support.session().persist(change);
    }

    private Task openSigningTask(String nominationId, TaskBookEntity book) {
        Optional<Task> open = support.openTask(nominationId, TASK_SIGN_TASK_BOOK)
                .or(() -> support.openTask(nominationId, TASK_COUNTERSIGN_TASK_BOOK));
        return open.orElseThrow(() -> new InvalidRequestException("already-signed", new LocalizedText(
                "申报 " + nominationId + " 的任务书签署已结束（" + state(book) + "）",
                "signing of the task book of nomination " + nominationId + " has already ended (" + state(book) + ")")));
    }

    private TaskBookEntity book(String nominationId) {
        TaskBookEntity book = support.session().get(TaskBookEntity.class, nominationId);
        if (book == null) {
            throw new NotFoundException(new LocalizedText("申报 " + nominationId + " 没有项目任务书（尚未入选，或该类别不签订任务书）",
                    "nomination " + nominationId + " has no task book (not selected, or its tier signs none)"));
        }
        return book;
    }

    private void lock(TaskBookEntity book) {
        support.session().lock(book, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }

    private OrganisationUnit authority(TaskBookEntity book) {
        return support.runtime.organisations.unit(book.getAuthorityUnitId());
    }

    private static TaskBook.State state(TaskBookEntity book) {
        if (book.getSignedElsewhereAt() != null) {
            return TaskBook.State.SIGNED_ELSEWHERE;
        }
        if (book.getCountersignedAt() != null) {
            return TaskBook.State.SIGNED;
        }
        return book.getCandidateSignedAt() != null ? TaskBook.State.AWAITING_COUNTERSIGN : TaskBook.State.AWAITING_CANDIDATE;
    }

    private static TaskBook toTaskBook(TaskBookEntity book) {
        Map<String, Object> content = JsonCodec.readMap(book.getContentJson());
        Object total = content.get("fundingTotal");
        return new TaskBook(book.getNominationId(), book.getAuthorityUnitId(), book.getAuthorityLevel(),
                TaskBookContent.texts(content.get("goals")), TaskBookContent.texts(content.get("plan")),
                TaskBookContent.funding(content.get("funding")), total == null ? null : new BigDecimal((String) total),
                TaskBookContent.textOrNull(content.get("fundingUnit")), book.getDeadline(), state(book),
                book.getCandidateSignedAt(), book.getCountersignedBy(), book.getCountersignedAt(),
                book.getSignedElsewhereBy(), book.getSignedElsewhereReason(), book.getSignedElsewhereAt());
    }
}
