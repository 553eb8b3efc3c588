package org.acervo.util;

import java.util.concurrent.ThreadFactory;

/** Threads that never keep the JVM alive (a build or preview that ends, ends), named for thread dumps and profiles. */
public final class DaemonThreads {
    private DaemonThreads() {}

    public static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
