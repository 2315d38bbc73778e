package io.packetgrid.studies.coupled;

import io.packetgrid.grid.api.Feeder;
import io.packetgrid.studies.coupled.grid.FeederTemplate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Solvable feeder copies for the variant runs. Parsing a script is the costly part, so a set of copies
 * is parsed once (in parallel) and handed from run to run; each run rebuilds the network, which
 * gives it the solver state of a freshly parsed feeder (loads are set anew at every step).
 */
final class FeederPool {
    private final FeederTemplate template;
    private final int copies;
    private final ExecutorService pool;
    private final Deque<List<Feeder>> free = new ArrayDeque<>();

    FeederPool(FeederTemplate template, int copies, ExecutorService pool) {
        this.template = template;
        this.copies = copies;
        this.pool = pool;
    }

    List<Feeder> acquire() throws InterruptedException, ExecutionException {
        synchronized (free) {
            if (!free.isEmpty()) {
                return free.pop();
            }
        }
        List<Future<Feeder>> parsing = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            parsing.add(pool.submit(template::newFeeder));
        }
        List<Feeder> out = new ArrayList<>();
        for (Future<Feeder> f : parsing) {
            out.add(f.get());
        }
        return out;
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
