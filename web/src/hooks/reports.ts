import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../api';
import type { ReportRange } from '../api/endpoints';
import { queryKeys } from '../api/queryKeys';

/** The vendor's per-day figures for one range (by_day, every date, zeros included). */
export function useOrderReport(range: ReportRange | null) {
  return useQuery({
    queryKey: queryKeys.orders.report(range?.from ?? '', range?.to ?? ''),
    queryFn: () => api.orders.report(range!),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
}

/** Saves a Blob under `filename` through a temporary link (the browser's download). */
export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads the CSV of a range with the session's token, named as the server says. */
export function useExportCsv() {
  return useMutation({
    mutationFn: async (range: ReportRange) => {
      const file = await api.orders.exportCsv(range);
      const name = file.filename ?? `orders-${range.from}-to-${range.to}.csv`;
      saveBlob(file.blob, name);
      return name;
    },
  });
}
