package io.packetgrid.studies.coupled;

import io.packetgrid.grid.api.Feeder;
import io.packetgrid.studies.coupled.grid.FeederTemplate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Solvable feeder copies for the variant runs. Parsing a script is the costly part, so a set of copies
 * is parsed once (in parallel) and handed from run to run; each run rebuilds the network, which
 * gives it the solver state of a freshly parsed feeder (loads are set anew at every step). Sets that cannot be
 * handed on (an MV network's taps move) are parsed ahead in the background while the runs go on.
 */
final class FeederPool {
    private final FeederTemplate template;
    private final int copies;
    private final ExecutorService pool;
    private final Deque<List<Feeder>> free = new ArrayDeque<>();
    private ExecutorService background;
    private Future<List<Feeder>> ahead;
    private int aheadLeft;

    FeederPool(FeederTemplate template, int copies, ExecutorService pool) {
        this.template = template;
        this.copies = copies;
        this.pool = pool;
    }

    List<Feeder> acquire() throws InterruptedException, ExecutionException {
        return acquire(1).get(0);
    }

    /** {@code sets} sets: free ones first, the others parsed all at once on the pool (every copy of every set in parallel). */
    List<List<Feeder>> acquire(int sets) throws InterruptedException, ExecutionException {
        List<List<Feeder>> out = new ArrayList<>();
        synchronized (free) {
            while (out.size() < sets && !free.isEmpty()) {
                out.add(free.pop());
            }
        }
        List<Future<Feeder>> parsing = new ArrayList<>();
        for (int c = 0; c < (sets - out.size()) * copies; c++) {
            parsing.add(pool.submit(template::newFeeder));
        }
        for (int k = 0; k < parsing.size(); k += copies) {
            List<Feeder> set = new ArrayList<>();
            for (int c = 0; c < copies; c++) {
                set.add(parsing.get(k + c).get());
            }
            out.add(set);
        }
        return out;
    }

    /**
     * Starts parsing {@code sets} fresh sets, one after another, each while the runs go on: on a thread of its
     * own (not the pool's, whose threads run the variants), at most one set ahead of {@link #nextAhead}.
     */
    void parseAhead(int sets) {
        synchronized (free) {
            aheadLeft = sets;
            startAhead();
        }
    }

    private void startAhead() {
        if (aheadLeft <= 0) {
            ahead = null;
            return;
        }
        aheadLeft--;
        if (background == null) {
            background = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "coupled-parse-ahead");
                t.setDaemon(true);
                return t;
            });
        }
        ahead = background.submit(this::fresh);
    }

    /** The next set started by {@link #parseAhead} (waits for its parse), starting the one after it. */
    List<Feeder> nextAhead() throws InterruptedException, ExecutionException {
        Future<List<Feeder>> f;
        synchronized (free) {
            f = ahead;
            if (f == null) {
                throw new IllegalStateException("no set parsed ahead");
            }
            startAhead();
        }
        return f.get();
    }

    /** Stops the background parse (the study is over). */
    void close() {
        if (background != null) {
            background.shutdownNow();
        }
    }

    /** A freshly parsed set, parsed on the calling thread (a task of the pool must not wait for the pool). */
    List<Feeder> fresh() {
        List<Feeder> out = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            out.add(template.newFeeder());
        }
        return out;
    }

    void release(List<Feeder> feeders) {
        synchronized (free) {
            free.push(feeders);
        }
    }
}
