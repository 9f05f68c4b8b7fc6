package dev.firetap.handler.internal;

import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.ArrayOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reply of one XAUTOCLAIM. Sent with a raw array output because Lettuce's {@code
 * ClaimedMessages} keeps only the next id and the entries, and drops the reply's third element
 * (Redis 7): the ids of pending entries no longer in the stream, which XAUTOCLAIM removes from the
 * group without a word.
 *
 * @param nextId where the next call starts; {@code 0-0} when the scan went round the stream
 * @param messages the entries claimed
 * @param trimmedIds the ids of pending entries that were trimmed from the stream: both those Redis
 *     7 lists apart and, before Redis 7, the entries it returned without fields
 */
record AutoClaim(
    String nextId, List<StreamMessage<byte[], byte[]>> messages, List<String> trimmedIds) {
  /** Copies the lists. */
  AutoClaim {
    messages = List.copyOf(messages);
    trimmedIds = List.copyOf(trimmedIds);
  }

  /** Runs XAUTOCLAIM on {@code stream} with {@code args}, without JUSTID. */
  static AutoClaim run(
      RedisCommands<byte[], byte[]> commands, byte[] stream, XAutoClaimArgs<byte[]> args) {
    CommandArgs<byte[], byte[]> command = new CommandArgs<>(ByteArrayCodec.INSTANCE).addKey(stream);
    args.build(command);
    List<Object> reply =
        commands.dispatch(
            CommandType.XAUTOCLAIM, new ArrayOutput<>(ByteArrayCodec.INSTANCE), command);
    return parse(stream, reply);
  }

  @SuppressWarnings("unchecked") // the nested arrays of the reply
  static AutoClaim parse(byte[] stream, List<Object> reply) {
    List<StreamMessage<byte[], byte[]>> messages = new ArrayList<>();
    List<String> trimmedIds = new ArrayList<>();
    for (Object element : (List<Object>) reply.get(1)) {
      List<Object> entry = (List<Object>) element;
      String id = Bytes.text((byte[]) entry.get(0));
      if (entry.size() < 2 || !(entry.get(1) instanceof List<?> fields)) {
        trimmedIds.add(id);
      } else {
        messages.add(new StreamMessage<>(stream, id, body((List<Object>) fields)));
      }
    }
    if (reply.size() > 2) {
      for (Object id : (List<Object>) reply.get(2)) {
        trimmedIds.add(Bytes.text((byte[]) id));
      }
    }
    return new AutoClaim(Bytes.text((byte[]) reply.get(0)), messages, trimmedIds);
  }

  private static Map<byte[], byte[]> body(List<Object> fields) {
    Map<byte[], byte[]> body = new LinkedHashMap<>();
    for (int i = 0; i + 1 < fields.size(); i += 2) {
      body.put((byte[]) fields.get(i), (byte[]) fields.get(i + 1));
    }
    return body;
  }
}
