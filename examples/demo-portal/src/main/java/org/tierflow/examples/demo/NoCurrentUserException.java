package org.tierflow.examples.demo;

/** A page that acts as someone was opened before a user was picked in the header. */
class NoCurrentUserException extends RuntimeException {

    NoCurrentUserException() {
        super("no demo user selected");
    }
}
