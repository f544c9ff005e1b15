package org.tierflow.core.internal.request;

import java.util.ArrayList;
import java.util.List;

import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.program.LocalizedText;

/**
 * The field problems of one request from a host, collected so the caller hears about all of them at once
 * (in Chinese and English), not one per attempt.
 */
public final class FieldProblems {
    private final String code;
    private final LocalizedText what;
    private final List<String> zh = new ArrayList<>();
    private final List<String> en = new ArrayList<>();

    /** @param code the error code thrown; @param what what the request is, e.g. 学时记录 / hour record */
    public FieldProblems(String code, LocalizedText what) {
        this.code = code;
        this.what = what;
    }

    public void required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            add(field, "缺少该字段", "is missing");
        } else if (value.length() > maxLength) {
            add(field, "不能超过 " + maxLength + " 个字符", "must be at most " + maxLength + " characters");
        }
    }

    public void add(String field, String zhProblem, String enProblem) {
        zh.add(field + "：" + zhProblem);
        en.add(field + ": " + enProblem);
    }

    public void throwIfAny() {
        if (!zh.isEmpty()) {
            throw new InvalidRequestException(code, new LocalizedText(
                    what.zh() + "有误：" + String.join("；", zh), "invalid " + what.en() + ": " + String.join("; ", en)));
        }
    }
}
