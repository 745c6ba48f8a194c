/**
 * Province codes used in the first three digits of a personal identification number
 * (số định danh cá nhân / CCCD).
 *
 * Source: Circular 59/2021/TT-BCA, appendix (same list as Circular 07/2016/TT-BCA): the code
 * is the administrative code of the province (Decision 124/2004/QĐ-TTg) prefixed with 0.
 * The 2025 province mergers (Resolution 202/2025/QH15, in force 12/06/2025, provinces
 * operating from 01/07/2025) left 34 provinces, each keeping the code of one predecessor
 * (list published by the General Statistics Office, letter 915/CTK-CSCL). Numbers already
 * issued never change, so all 63 codes stay valid for validation; `since2025` says which
 * current province the birth-registration province now belongs to.
 */
export interface BirthProvince {
  /** Three digits, as printed in the identification number. */
  readonly code: string;
  /** Vietnamese name of the province as it was before 01/07/2025. */
  readonly name: string;
  /** Three-digit code of the province it belongs to since 01/07/2025 (itself if unchanged). */
  readonly since2025: string;
}

// [code, name, since2025]. Checked one by one against the 63-province list; gaps in the
// numbering (003, 005, 007, …) are codes of provinces that had been split or renamed
// before 2004 and are not used on identity cards.
const ROWS: ReadonlyArray<readonly [string, string, string]> = [
  ['001', 'Hà Nội', '001'],
  ['002', 'Hà Giang', '008'],
  ['004', 'Cao Bằng', '004'],
  ['006', 'Bắc Kạn', '019'],
  ['008', 'Tuyên Quang', '008'],
  ['010', 'Lào Cai', '015'],
  ['011', 'Điện Biên', '011'],
  ['012', 'Lai Châu', '012'],
  ['014', 'Sơn La', '014'],
  ['015', 'Yên Bái', '015'],
  ['017', 'Hòa Bình', '025'],
  ['019', 'Thái Nguyên', '019'],
  ['020', 'Lạng Sơn', '020'],
  ['022', 'Quảng Ninh', '022'],
  ['024', 'Bắc Giang', '024'],
  ['025', 'Phú Thọ', '025'],
  ['026', 'Vĩnh Phúc', '025'],
  ['027', 'Bắc Ninh', '024'],
  ['030', 'Hải Dương', '031'],
  ['031', 'Hải Phòng', '031'],
  ['033', 'Hưng Yên', '033'],
  ['034', 'Thái Bình', '033'],
  ['035', 'Hà Nam', '037'],
  ['036', 'Nam Định', '037'],
  ['037', 'Ninh Bình', '037'],
  ['038', 'Thanh Hóa', '038'],
  ['040', 'Nghệ An', '040'],
  ['042', 'Hà Tĩnh', '042'],
  ['044', 'Quảng Bình', '044'],
  ['045', 'Quảng Trị', '044'],
  ['046', 'Thừa Thiên Huế', '046'],
  ['048', 'Đà Nẵng', '048'],
  ['049', 'Quảng Nam', '048'],
  ['051', 'Quảng Ngãi', '051'],
  ['052', 'Bình Định', '052'],
  ['054', 'Phú Yên', '066'],
  ['056', 'Khánh Hòa', '056'],
  ['058', 'Ninh Thuận', '056'],
  ['060', 'Bình Thuận', '068'],
  ['062', 'Kon Tum', '051'],
  ['064', 'Gia Lai', '052'],
  ['066', 'Đắk Lắk', '066'],
  ['067', 'Đắk Nông', '068'],
  ['068', 'Lâm Đồng', '068'],
  ['070', 'Bình Phước', '075'],
  ['072', 'Tây Ninh', '080'],
  ['074', 'Bình Dương', '079'],
  ['075', 'Đồng Nai', '075'],
  ['077', 'Bà Rịa - Vũng Tàu', '079'],
  ['079', 'Hồ Chí Minh', '079'],
  ['080', 'Long An', '080'],
  ['082', 'Tiền Giang', '082'],
  ['083', 'Bến Tre', '086'],
  ['084', 'Trà Vinh', '086'],
  ['086', 'Vĩnh Long', '086'],
  ['087', 'Đồng Tháp', '082'],
  ['089', 'An Giang', '091'],
  ['091', 'Kiên Giang', '091'],
  ['092', 'Cần Thơ', '092'],
  ['093', 'Hậu Giang', '092'],
  ['094', 'Sóc Trăng', '092'],
  ['095', 'Bạc Liêu', '096'],
  ['096', 'Cà Mau', '096'],
];

/** All 63 birth-registration province codes, in code order. */
export const BIRTH_PROVINCES: readonly BirthProvince[] = ROWS.map(([code, name, since2025]) => ({
  code,
  name,
  since2025,
}));

const BY_CODE: ReadonlyMap<string, BirthProvince> = new Map(BIRTH_PROVINCES.map((p) => [p.code, p]));

/**
 * Looks up a three-digit birth-registration province code (Circular 59/2021/TT-BCA).
 *
 * @example findBirthProvince('048')?.name // 'Đà Nẵng'
 */
export function findBirthProvince(code: string): BirthProvince | undefined {
  return BY_CODE.get(code);
}
