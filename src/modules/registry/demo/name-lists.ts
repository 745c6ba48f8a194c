/**
 * Word lists for generated demonstration people and companies: common Vietnamese
 * surnames (weighted roughly by national frequency, with the central-region spellings
 * Huỳnh and Võ), middle and given names, real Da Nang street names and company-name parts.
 */

/** [surname, relative weight in percent]. */
export const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Huỳnh', 4], ['Hoàng', 1.5],
  ['Phan', 4.5], ['Võ', 3], ['Vũ', 1], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3],
  ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5], ['Đoàn', 0.8], ['Trương', 0.8], ['Mai', 0.5],
  ['Đinh', 0.5], ['Lương', 0.4], ['Tô', 0.3], ['Hà', 0.4], ['Châu', 0.3], ['Thái', 0.3],
];

export const MALE_MIDDLE_NAMES: readonly string[] = [
  'Văn', 'Văn', 'Văn', 'Hữu', 'Đức', 'Minh', 'Quốc', 'Thanh', 'Công', 'Ngọc', 'Xuân', 'Hoàng',
  'Anh', 'Tấn', 'Quang', 'Gia', 'Đình', 'Bá',
];

export const FEMALE_MIDDLE_NAMES: readonly string[] = [
  'Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Kim', 'Bảo', 'Phương', 'Mỹ', 'Hồng',
  'Khánh', 'Thùy', 'Hoài', 'Diệu',
];

export const MALE_GIVEN_NAMES: readonly string[] = [
  'An', 'Bảo', 'Bình', 'Cường', 'Dũng', 'Duy', 'Đạt', 'Đức', 'Hải', 'Hiếu', 'Hoàng', 'Hùng',
  'Huy', 'Khang', 'Khánh', 'Khoa', 'Lâm', 'Long', 'Lộc', 'Minh', 'Nam', 'Nghĩa', 'Nhân',
  'Phong', 'Phúc', 'Quân', 'Quang', 'Sơn', 'Tài', 'Tâm', 'Thắng', 'Thành', 'Thịnh', 'Tiến',
  'Toàn', 'Trí', 'Trung', 'Tuấn', 'Việt', 'Vinh', 'Vũ',
];

export const FEMALE_GIVEN_NAMES: readonly string[] = [
  'Anh', 'Châu', 'Chi', 'Diệp', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa',
  'Hương', 'Lan', 'Linh', 'Loan', 'Mai', 'My', 'Ngân', 'Ngọc', 'Nhi', 'Nhung', 'Oanh',
  'Phương', 'Quyên', 'Tâm', 'Thảo', 'Thư', 'Trang', 'Trinh', 'Tuyết', 'Uyên', 'Vân', 'Vy', 'Yến',
];

/** Real streets of the former Da Nang city area. */
export const CITY_STREETS: readonly string[] = [
  'Bạch Đằng', 'Trần Phú', 'Lê Duẩn', 'Hùng Vương', 'Nguyễn Văn Linh', 'Điện Biên Phủ',
  'Hoàng Diệu', 'Núi Thành', 'Phan Châu Trinh', 'Lê Lợi', 'Quang Trung', 'Nguyễn Chí Thanh',
  'Ông Ích Khiêm', '2 Tháng 9', '3 Tháng 2', 'Trưng Nữ Vương', 'Nguyễn Tất Thành', 'Ngô Quyền',
  'Võ Nguyên Giáp', 'Phạm Văn Đồng', 'Lê Văn Hiến', 'Ngũ Hành Sơn', 'Trần Hưng Đạo',
  'Nguyễn Lương Bằng', 'Tôn Đức Thắng', 'Âu Cơ', 'Hoàng Văn Thái', 'Cách Mạng Tháng Tám',
  'Ông Ích Đường', 'Nguyễn Hữu Thọ', 'Hà Huy Tập', 'Trường Chinh', 'Tôn Đản',
  'Xô Viết Nghệ Tĩnh', 'Hàm Nghi', 'Lý Thường Kiệt', 'Trần Cao Vân', 'Thái Phiên', 'Duy Tân',
  'Nguyễn Sinh Sắc', 'Lạc Long Quân', 'Nguyễn Công Trứ', 'Lê Đình Dương', 'Hải Phòng',
];

/** Real streets of Tam Kỳ and Hội An, used for the former Quảng Nam wards. */
export const QUANG_NAM_STREETS: readonly string[] = [
  'Phan Châu Trinh', 'Hùng Vương', 'Trần Phú', 'Nguyễn Thái Học', 'Hai Bà Trưng', 'Cửa Đại',
  'Lý Thường Kiệt', 'Phan Bội Châu', 'Huỳnh Thúc Kháng', 'Trần Hưng Đạo', 'Nguyễn Duy Hiệu',
];

/** Hamlet (thôn) names for rural communes; typical of the region, not tied to a commune. */
export const HAMLETS: readonly string[] = [
  'Phú Sơn', 'Dương Lâm', 'Thạch Nham', 'Trung Sơn', 'An Ngãi', 'Phước Thuận', 'Quan Nam',
  'Hòa Khê', 'Đông Hòa', 'Tân Hạnh', 'Thái Lai', 'Phú Hòa',
];

/** Distinctive parts of company names: [Vietnamese, ASCII English]. */
export const COMPANY_BRANDS: ReadonlyArray<readonly [string, string]> = [
  ['Sông Hàn', 'Song Han'], ['Hải Vân', 'Hai Van'], ['Mỹ Khê', 'My Khe'], ['Sơn Trà', 'Son Tra'],
  ['Bạch Đằng', 'Bach Dang'], ['Ngũ Hành', 'Ngu Hanh'], ['Miền Trung', 'Central Vietnam'],
  ['Đại Phát', 'Dai Phat'], ['Thành Công', 'Thanh Cong'], ['An Phú', 'An Phu'],
  ['Hòa Bình', 'Hoa Binh'], ['Tân Long', 'Tan Long'], ['Minh Khang', 'Minh Khang'],
  ['Việt Hưng', 'Viet Hung'], ['Phương Nam', 'Phuong Nam'], ['Hội An Xanh', 'Green Hoi An'],
  ['Cầu Rồng', 'Dragon Bridge'], ['Bà Nà', 'Ba Na'], ['Thu Bồn', 'Thu Bon'], ['Kim Long', 'Kim Long'],
];

/** Lines of business: [Vietnamese, English]. */
export const BUSINESS_LINES: ReadonlyArray<readonly [string, string]> = [
  ['Thương mại và Dịch vụ', 'Trading and Services'], ['Xây dựng', 'Construction'],
  ['Đầu tư Phát triển', 'Investment and Development'], ['Du lịch', 'Tourism'],
  ['Vận tải', 'Transport'], ['Công nghệ Thông tin', 'Information Technology'],
  ['Thực phẩm', 'Food'], ['Bất động sản', 'Real Estate'], ['In ấn', 'Printing'],
  ['Cơ khí', 'Engineering'], ['Thủy sản', 'Seafood'], ['Nội thất', 'Furniture'],
];
