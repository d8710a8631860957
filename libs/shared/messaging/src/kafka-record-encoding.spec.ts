// kafkajs 2.2.4 is patched (patches/kafkajs+2.2.4.patch) to encode a record's headers into
// the record's own buffer: it allocated a zero-filled 512-byte encoder per header, which
// made record encoding the relay's largest cost. These tests pin the patch: same bytes as
// the stock layout, and one allocation per record.
/* eslint-disable @typescript-eslint/no-require-imports */
const Encoder = require('kafkajs/src/protocol/encoder');
const Header = require('kafkajs/src/protocol/recordBatch/header/v0');
const Record = require('kafkajs/src/protocol/recordBatch/record/v0');
/* eslint-enable @typescript-eslint/no-require-imports */

interface KafkaEncoder {
  buffer: Buffer;
  writeVarInt(value: number): KafkaEncoder;
  writeInt8(value: number): KafkaEncoder;
  writeVarLong(value: number): KafkaEncoder;
  writeVarIntBytes(value: Buffer | string | null): KafkaEncoder;
  writeVarIntArray(array: unknown[]): KafkaEncoder;
}

const headers = {
  ce_specversion: '1.0',
  ce_id: '01a2131c-d450-7cc0-b350-f8740874ea24',
  ce_type: 'trajectory.profiles.PersonRegistered.v2',
  ce_subject: 'person-7',
  ce_note: Buffer.from('bytes, not text'),
  repeated: ['first', 'second'],
};
const record = { offsetDelta: 3, timestampDelta: 17, key: 'person-7', value: JSON.stringify({ givenName: 'Ada' }), headers };

/** The stock kafkajs layout: one encoder per header, written as an encoder array. */
function stockLayout(): Buffer {
  const headerList = Object.entries(headers).flatMap(([key, value]) => (Array.isArray(value) ? value.map((v) => ({ key, value: v })) : [{ key, value }]));
  const body = (new Encoder() as KafkaEncoder)
    .writeInt8(0)
    .writeVarLong(record.timestampDelta)
    .writeVarInt(record.offsetDelta)
    .writeVarIntBytes(record.key)
    .writeVarIntBytes(record.value)
    .writeVarIntArray(headerList.map(Header)).buffer;
  return Buffer.concat([(new Encoder() as KafkaEncoder).writeVarInt(body.length).buffer, body]);
}

describe('kafkajs record encoding (patched)', () => {
  it('writes the same bytes as the stock layout, headers included', () => {
    expect((Record(record) as KafkaEncoder).buffer.equals(stockLayout())).toBe(true);
  });

  it('allocates one buffer per record instead of one per header', () => {
    const alloc = jest.spyOn(Buffer, 'alloc');
    try {
      Record(record);
      expect(alloc).toHaveBeenCalledTimes(1);
    } finally {
      alloc.mockRestore();
    }
  });
});
