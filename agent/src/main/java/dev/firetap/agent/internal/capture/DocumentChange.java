package dev.firetap.agent.internal.capture;

import dev.firetap.event.Operation;
import java.util.Map;

/**
 * What one commit did to one document, before it becomes a change event.
 *
 * @param path the document path
 * @param op create, update or delete
 * @param before the fields before the commit; null for a create
 * @param after the fields after the commit; null for a delete
 */
record DocumentChange(
    String path, Operation op, Map<String, Object> before, Map<String, Object> after) {}
