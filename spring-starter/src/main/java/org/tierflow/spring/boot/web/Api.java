package org.tierflow.spring.boot.web;

/** Shared by TierFlow's controllers. */
final class Api {

    /** The base path of every TierFlow endpoint: {@code tierflow.web.base-path}. */
    static final String BASE_PATH = "${tierflow.web.base-path:/tierflow/api}";

    private Api() {
    }
}
