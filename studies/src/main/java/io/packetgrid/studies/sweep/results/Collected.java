package io.packetgrid.studies.sweep.results;

import com.fasterxml.jackson.databind.JsonNode;
import io.packetgrid.studies.sweep.plan.PlanFile;
import io.packetgrid.studies.sweep.plan.Run;
import java.util.List;
import java.util.Map;

/**
 * The merged results of a sweep folder: the plan, the summary of each finished run (by run index;
 * null when missing), the metric columns, and the runs still missing with the failure of each, if any.
 */
public record Collected(PlanFile plan, List<JsonNode> summaries, List<MetricColumn> metrics, List<Run> missing,
                        Map<String, String> failures) {

    public int finished() {
        return plan.runs().size() - missing.size();
    }
}
