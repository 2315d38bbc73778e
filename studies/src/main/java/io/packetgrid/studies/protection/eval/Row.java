package io.packetgrid.studies.protection.eval;

import io.packetgrid.studies.protection.scenario.RequirementSpec;

/**
 * One line of the requirements table: a scheme checked against a requirement.
 *
 * @param scheme      scheme index (in the bound system)
 * @param requirement requirement index (in the scenario)
 * @param metric      what is timed
 * @param deadlineNs  the bound
 * @param maxMiss     the acceptable miss probability
 * @param bytes       message payload used for this row
 */
public record Row(int scheme, int requirement, String schemeName, String requirementName, RequirementSpec.Metric metric,
                  long deadlineNs, double maxMiss, int bytes) {
}
