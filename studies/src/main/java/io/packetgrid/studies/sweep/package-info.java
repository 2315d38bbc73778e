/**
 * Parameter sweeps over study scenarios: a sweep file ({@link io.packetgrid.studies.sweep.spec}),
 * its expansion into runs with stable ids and shards ({@link io.packetgrid.studies.sweep.plan}),
 * resumable execution with local workers ({@link io.packetgrid.studies.sweep.exec}), merged results,
 * statistics over seeds and plots ({@link io.packetgrid.studies.sweep.results}), and Slurm job arrays
 * ({@link io.packetgrid.studies.sweep.slurm}). User guide: docs/sweeps.md.
 */
package io.packetgrid.studies.sweep;
