package org.acervo.build;

/** Told how far a long build has got; shown on interactive terminals only. */
public interface Progress {
    void phase(String name, int done, int total);

    Progress NONE = (name, done, total) -> { };
}
