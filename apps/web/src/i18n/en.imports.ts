import type { importsZhCN } from './zh-CN.imports'

/** Imports: uploading a CSV file, its progress and result, its rejects, the history (en). */
export const importsEn: typeof importsZhCN = {
  imports: {
    title: 'Import',
    subtitle:
      'Upload a CSV file of members or orders: it is imported in the background while you watch its progress, then see the result and download the rejected lines. Uploading the same file again changes nothing.',
    kinds: { members: 'Members', orders: 'Orders' },
    upload: {
      title: 'Upload a file',
      kind: 'What to import',
      columns: 'Header (first line) columns:',
      optional: 'Optional columns:',
      help: {
        members:
          'One member per line. external_id is the member’s number in your own system and is required; phone is a mainland China mobile number or E.164 (e.g. +8613800138000); birthday is YYYY-MM-DD or --MM-DD; joined_at a date or a time with its zone. Members who exist already count as unchanged.',
        orders:
          'One item per line; consecutive lines with one order id are that order’s items. member is the member’s external_id, amount what was paid in minor units (fen: 12900 is ¥129.00); unit_price may be left out and is then shared from the amount. Imported orders earn points, growth and tiers as orders sent to the API do; orders imported before count as unchanged.',
      },
      template: { members: 'Download a members template', orders: 'Download an orders template' },
      drop: 'Click or drag a CSV file here to upload it',
      hint: 'One .csv file at a time (UTF-8), at most 200 MB; import larger files with the command line, npx loyalbase import.',
      uploading: 'Uploading {{file}}…',
      failed: 'The upload failed',
      started: 'Importing {{file}}',
      problems: {
        empty: 'The file is empty.',
        tooLarge:
          'The file is larger than 200 MB. Import larger files with the command line, npx loyalbase import.',
        notCsv: 'Choose a .csv file.',
      },
    },
    result: {
      title: 'Import result',
      running: 'Importing…',
      bytes: '{{read}} of {{total}} read',
      done: 'Import done',
      doneWithRejects: 'Import done, with {{count}} rejected',
      failed: 'The import failed',
      summary:
        'Lines read: {{records}}; imported {{imported}}, unchanged {{unchanged}}, rejected {{rejected}}.',
      startedAt: 'Started {{time}}',
      finishedAt: 'Finished {{time}}',
    },
    counts: {
      records: 'Lines read',
      imported: 'Imported',
      unchanged: 'Unchanged',
      rejected: 'Rejected',
    },
    statuses: { running: 'Running', done: 'Done', failed: 'Failed' },
    rejects: {
      title: 'Rejected lines',
      line: 'Line',
      reason: 'Reason',
      record: 'Record',
      shown:
        '{{total}} lines were rejected; the first {{shown}} are listed here. Download them all.',
      download: 'Download all rejects',
      downloaded: 'Downloaded {{file}}',
      empty: 'No rejected lines',
    },
    history: {
      title: 'Past imports',
      empty: 'No imports yet',
      time: 'Time',
      kind: 'Content',
      file: 'File',
      status: 'Status',
      records: 'Lines',
      counts: 'Imported / unchanged / rejected',
      actions: 'Actions',
      open: 'Open',
      opened: 'Shown',
      refresh: 'Refresh',
      noFileName: '(no name)',
    },
    reasons: {
      columnCount: 'has {{found}} columns, the header {{expected}}',
      unreadable: 'the file cannot be read from this line on: {{reason}}',
      notUtf8: 'has bytes that are not UTF-8 (save the file as UTF-8)',
      nul: 'contains the character U+0000',
      amountRequired: 'is required (in minor units, e.g. 12900)',
      skuRequired: 'is required when a category or quantity is given',
      notInteger: '“{{value}}” is not a whole number',
      notTime:
        '“{{value}}” is not a date (YYYY-MM-DD) or a time with its zone (e.g. 2026-03-01T10:00:00+08:00)',
      notRealDate: '“{{value}}” is not a real date',
      phone: '“{{value}}” is not a mainland China mobile number or an E.164 number',
      email: '“{{value}}” is not an email address',
      birthday: '“{{value}}” is not YYYY-MM-DD or --MM-DD',
      disagrees:
        'line {{line}} says “{{value}}”, line {{first}} of the same order “{{firstValue}}”',
      skuSomeLines: 'some lines of the order have no SKU',
      noMember: 'there is no such member in the program',
      orderIdReused: 'the order id “{{id}}” was already used for a different order',
    },
    failures: {
      headerLacks: 'The header lacks {{missing}}; expected: {{expected}}',
      restarted:
        'The import stopped (the server was restarted). Upload the file again: what was imported counts as unchanged.',
    },
  },
}
