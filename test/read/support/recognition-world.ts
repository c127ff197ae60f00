import type { RegistryEvent } from '@registry/domain';
import { build, GPS, PS } from '@registry/projections/testing/sample-registry';

export { GPS, PS };
export const PPS = 'APO-PPS 102:2023';

/**
 * A registry where every reason code of the recognition rule can be met, on fixed business dates:
 * certificates issued 2024-01-15, valid until 2027-01-14 unless said otherwise.
 */
export function recognitionWorld(): RegistryEvent[] {
  return [
    build.scheme(PS, 'Productivity Specialist'),
    build.scheme(GPS, 'Green Productivity Specialist'),
    build.scheme(PPS, 'Public-sector Productivity Specialist'),
    build.accredited('th-ftpi', 'TH', [PS, GPS]),
    build.accredited('my-mpc', 'MY', [PS]),
    build.accredited('id-lsp', 'ID', [PS]),
    build.accredited('ph-dap', 'PH', [PS], '2023-01-01', '2024-12-31'),
    build.accredited('vn-vnpi', 'VN', [PS]),
    build.accredited('sg-ssg', 'SG', [PS]),
    build.signed('asean-ps', ['th-ftpi', 'my-mpc'], [PS], 'AUTOMATIC', '2023-06-01'),
    build.signed('th-id', ['th-ftpi', 'id-lsp'], [PS, GPS], 'ON_APPLICATION', '2023-06-01'),
    build.issued('TH-PS-1', 'th-ftpi', PS),
    build.issued('TH-PS-2', 'th-ftpi', PS),
    build.issued('TH-PS-3', 'th-ftpi', PS),
    build.issued('TH-PS-5', 'th-ftpi', PS, '2024-01-15', '2024-12-31'),
    build.issued('TH-GPS-6', 'th-ftpi', GPS),
    build.issued('TH-PS-7', 'th-ftpi', PS),
    build.issued('PH-PS-8', 'ph-dap', PS),
    build.issued('VN-PS-9', 'vn-vnpi', PS),
    build.issued('SG-PS-10', 'sg-ssg', PS),
    build.issued('XX-PS-11', 'ghost-cb', PS),
    build.issued('MY-GPS-12', 'my-mpc', GPS),
    build.issued('TH-PS-13', 'th-ftpi', PS),
    build.certificateCancelled('TH-PS-13', '2025-01-01'),
    build.granted('TH-PS-1', 'ID', 'th-id', '2024-03-01'),
    build.certificateSuspended('TH-PS-2', '2024-06-01'),
    build.certificateReinstated('TH-PS-2', '2024-09-01'),
    build.certificateWithdrawn('TH-PS-3', '2025-01-01'),
    build.revoked('TH-PS-7', 'MY', '2025-01-01'),
    build.accreditationSuspended('vn-vnpi', '2024-06-01'),
    build.accreditationReinstated('vn-vnpi', '2024-09-01'),
    { type: 'AccreditationWithdrawn', data: { cbId: 'sg-ssg', effectiveOn: '2024-03-01', reason: 'ceased operations' } },
  ];
}
