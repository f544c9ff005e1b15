package org.tierflow.spring.boot.web;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.tierflow.core.api.BatchRejectedException;
import org.tierflow.core.api.ConcurrentChangeException;
import org.tierflow.core.api.DecisionVetoedException;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.NotEligibleException;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.OrganisationTreeException;
import org.tierflow.core.api.QuotaAllocationException;
import org.tierflow.core.api.QuotaExceededException;
import org.tierflow.core.api.TierFlowException;
import org.tierflow.core.api.UnknownProgramException;
import org.tierflow.core.api.program.LocalizedText;

/**
 * Turns TierFlow's refusals into RFC 7807 problem details, in the request's language, for TierFlow's own
 * controllers only (it never handles the host's): type {@code https://tierflow.org/problems/{code}}, a title, the
 * detail, the status, and the properties {@code code} and, where a refusal lists several things, {@code failures}
 * (eligibility), {@code problems} (batch items, quota allocation, organisation tree) or {@code fields} (missing
 * fields).
 *
 * <p>Statuses: 400 for a malformed request or one that does not fit ({@link InvalidRequestException},
 * {@link NotEligibleException}, an unreadable body, a bad parameter); 401 without a caller; 403
 * {@link NotAuthorizedException}; 404 {@link NotFoundException} and {@link UnknownProgramException}; 409 when the
 * request collides with what has already happened ({@link ConcurrentChangeException},
 * {@link DecisionVetoedException}, {@link QuotaExceededException}, {@link BatchRejectedException} and the
 * {@link #CONFLICT_CODES}); 500 for any other {@link TierFlowException}.
 */
// Scoped by type, not by package: a host's controller that happens to live in (or below) this package keeps the
// host's own error handling.
@RestControllerAdvice(assignableTypes = {ProgramController.class, NominationController.class, ReviewController.class,
        SelectionController.class, TrainingController.class, CredentialController.class, OpenApiController.class,
        PublicityController.class, LifecycleController.class, PanelController.class, AssessmentController.class,
        EvaluationController.class, SpotCheckController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TierFlowProblemHandler {

    /** Where the problem types live: {@code https://tierflow.org/problems/{code}}. */
    public static final String TYPE_PREFIX = "https://tierflow.org/problems/";

    /** Codes of {@link InvalidRequestException}s that mean "already happened" and are answered with 409. */
    public static final Set<String> CONFLICT_CODES = Set.of("already-claimed", "already-decided", "already-issued",
            "already-revoked", "round-overlap", "conflicting-hour-record",
            "already-resolved", "publicity-closed", "publicity-not-over", "round-still-open", "nothing-to-publish",
            "not-published", "already-signed", "already-scored", "already-drawn", "already-completed",
            "conflicting-assessment-result", "school-already-nominated", "batch-pending");

    private static final Map<HttpStatus, LocalizedText> TITLES = Map.of(
            HttpStatus.BAD_REQUEST, new LocalizedText("请求无效", "Invalid request"),
            HttpStatus.UNAUTHORIZED, new LocalizedText("未登录", "Not authenticated"),
            HttpStatus.FORBIDDEN, new LocalizedText("无权操作", "Not authorized"),
            HttpStatus.NOT_FOUND, new LocalizedText("未找到", "Not found"),
            HttpStatus.CONFLICT, new LocalizedText("与当前状态冲突", "Conflict with the current state"),
            HttpStatus.UNSUPPORTED_MEDIA_TYPE, new LocalizedText("不支持的内容类型", "Unsupported media type"),
            HttpStatus.INTERNAL_SERVER_ERROR, new LocalizedText("服务器内部错误", "Internal error"));

    private final Locale defaultLocale;

    public TierFlowProblemHandler(Locale defaultLocale) {
        this.defaultLocale = defaultLocale;
    }

    @ExceptionHandler(NotAuthenticatedException.class)
    ResponseEntity<ProblemDetail> notAuthenticated(NotAuthenticatedException e, HttpServletRequest request) {
        return problem(HttpStatus.UNAUTHORIZED, e.code(), e.text(), request, Map.of());
    }

    @ExceptionHandler(NotAuthorizedException.class)
    ResponseEntity<ProblemDetail> notAuthorized(NotAuthorizedException e, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, e.code(), e.text(), request, Map.of());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, e.code(), e.text(), request, Map.of());
    }

    @ExceptionHandler(UnknownProgramException.class)
    ResponseEntity<ProblemDetail> unknownProgram(UnknownProgramException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, e.code(), e.text(), request, Map.of());
    }

    @ExceptionHandler(NotEligibleException.class)
    ResponseEntity<ProblemDetail> notEligible(NotEligibleException e, HttpServletRequest request) {
        Locale locale = language(request);
        List<Map<String, Object>> failures = e.failures().stream()
                .map(f -> item("ruleCode", f.ruleCode(), "reason", f.reason().in(locale)))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, e.code(), e.text(), request, Map.of("failures", failures));
    }

    @ExceptionHandler(BatchRejectedException.class)
    ResponseEntity<ProblemDetail> batchRejected(BatchRejectedException e, HttpServletRequest request) {
        Locale locale = language(request);
        List<Map<String, Object>> problems = e.problems().stream()
                .map(p -> item("nominationId", p.nominationId(), "code", p.code(), "reason", p.reason().in(locale)))
                .toList();
        return problem(HttpStatus.CONFLICT, e.code(), e.text(), request, Map.of("problems", problems));
    }

    @ExceptionHandler(QuotaAllocationException.class)
    ResponseEntity<ProblemDetail> invalidAllocation(QuotaAllocationException e, HttpServletRequest request) {
        Locale locale = language(request);
        List<Map<String, Object>> problems = e.problems().stream()
                .map(p -> item("unitId", p.unitId(), "code", p.code(), "reason", p.reason().in(locale)))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, e.code(), e.text(), request, Map.of("problems", problems));
    }

    @ExceptionHandler(MissingFieldsException.class)
    ResponseEntity<ProblemDetail> missingFields(MissingFieldsException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.code(), e.text(), request, Map.of("fields", e.fields()));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException e, HttpServletRequest request) {
        HttpStatus status = CONFLICT_CODES.contains(e.code()) ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        return problem(status, e.code(), e.text(), request, Map.of());
    }

    @ExceptionHandler({ConcurrentChangeException.class, DecisionVetoedException.class, QuotaExceededException.class})
    ResponseEntity<ProblemDetail> conflict(TierFlowException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, e.code(), e.text(), request, Map.of());
    }

    /** The host's organisation directory answered inconsistently: the integrator's problem, not the caller's. */
    @ExceptionHandler(OrganisationTreeException.class)
    ResponseEntity<ProblemDetail> organisationTree(OrganisationTreeException e, HttpServletRequest request) {
        Locale locale = language(request);
        List<Map<String, Object>> problems = e.problems().stream()
                .map(p -> item("where", p.where(), "reason", p.message().in(locale)))
                .toList();
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, e.code(), e.text(), request, Map.of("problems", problems));
    }

    @ExceptionHandler(TierFlowException.class)
    ResponseEntity<ProblemDetail> other(TierFlowException e, HttpServletRequest request) {
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, e.code(), e.text(), request, Map.of());
    }

    /** A body that is not JSON, or a field of the wrong type (an unknown outcome, a date that is no date). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        LocalizedText text = new LocalizedText("请求体不是有效的 JSON，或缺少请求体", "the body is missing or is not valid JSON");
        Map<String, Object> properties = new LinkedHashMap<>();
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            properties.put("fields", List.of(field));
            String allowed = allowedValues(mapping);
            text = allowed == null
                    ? new LocalizedText("字段 " + field + " 的值无效", "the field " + field + " has an invalid value")
                    : new LocalizedText("字段 " + field + " 的值无效，可选值：" + allowed,
                            "the field " + field + " has an invalid value; allowed: " + allowed);
        }
        return problem(HttpStatus.BAD_REQUEST, "invalid-body", text, request, properties);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        Class<?> type = e.getRequiredType();
        String allowed = type != null && type.isEnum()
                ? Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "))
                : null;
        String name = e.getName();
        LocalizedText text = allowed == null
                ? new LocalizedText("参数 " + name + " 的值 “" + e.getValue() + "” 无效",
                        "the parameter " + name + " has an invalid value '" + e.getValue() + "'")
                : new LocalizedText("参数 " + name + " 的值 “" + e.getValue() + "” 无效，可选值：" + allowed,
                        "the parameter " + name + " has an invalid value '" + e.getValue() + "'; allowed: " + allowed);
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", text, request, Map.of("parameters", List.of(name)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        String name = e.getParameterName();
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", new LocalizedText("缺少参数 " + name,
                "the parameter " + name + " is missing"), request, Map.of("parameters", List.of(name)));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", new LocalizedText(
                "请求体须为 application/json", "the body must be application/json"), request, Map.of());
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, LocalizedText text,
                                                  HttpServletRequest request, Map<String, Object> properties) {
        Locale locale = language(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text.in(locale));
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(TITLES.getOrDefault(status, new LocalizedText(status.getReasonPhrase(), status.getReasonPhrase()))
                .in(locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", code);
        properties.forEach(problem::setProperty);
        return ResponseEntity.status(status)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .body(problem);
    }

    private Locale language(HttpServletRequest request) {
        return RequestLanguage.of(request, defaultLocale);
    }

    private static String allowedValues(JsonMappingException mapping) {
        if (mapping instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return null;
    }

    /** A list item with its keys in order; {@code null} values are kept (a whole-batch problem has no nomination). */
    private static Map<String, Object> item(Object... keysAndValues) {
        Map<String, Object> item = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            item.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return item;
    }
}
