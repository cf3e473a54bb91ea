package io.inferlink.cli;

import io.inferlink.Tensor;
import java.util.List;

/**
 * One item of a batch: its position, its id for the results, and its inputs or why they could not
 * be read. Immutable.
 *
 * @param index position in the input, from 0
 * @param id the item's own {@code "id"}, else {@code line-N} or the file name
 * @param inputs the tensors, or {@code null} when they could not be read
 * @param problem why the inputs could not be read, or {@code null}
 */
record BatchItem(long index, String id, List<Tensor> inputs, String problem) {}
