package io.packetgrid.pem.policy;

/**
 * The latest loading of a grid asset (transformer, line section) upstream of a device.
 *
 * @param loadingPu  present loading as a fraction of the rating
 * @param ratingKva  the rating, so that a packet's effect is about {@code kw/ratingKva}
 */
public record AssetLoading(String assetId, double loadingPu, double ratingKva) {
}
