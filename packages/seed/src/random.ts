/** Deterministic pseudo-random numbers (mulberry32), so every demo city is the same. */
export function rng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    chance: (p: number) => next() < p,
  }
}
export type Rng = ReturnType<typeof rng>

const familyNames = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Phan',
  'Đinh',
  'Tạ',
  'Khuất',
  'Kiều',
]
const middleNames = [
  'Văn',
  'Thị',
  'Đức',
  'Minh',
  'Hữu',
  'Thanh',
  'Quang',
  'Ngọc',
  'Xuân',
  'Thu',
  'Hồng',
  'Mạnh',
  'Tiến',
  'Bá',
]
const givenNames = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiếu',
  'Hòa',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phong',
  'Phương',
  'Quân',
  'Sơn',
  'Thắng',
  'Thảo',
  'Trung',
  'Tuấn',
  'Vinh',
  'Yến',
  'Đông',
  'Tâm',
  'Thủy',
]

/** A made-up Vietnamese full name. */
export function personName(r: Rng): string {
  return `${r.pick(familyNames)} ${r.pick(middleNames)} ${r.pick(givenNames)}`
}

/** A made-up Hà Nội landline or mobile number. */
export function phoneNumber(r: Rng, mobile = false): string {
  if (mobile) return `09${r.int(1, 8)}${String(r.int(0, 9999999)).padStart(7, '0')}`
  return `024.${r.int(3700, 3999)}.${String(r.int(0, 9999)).padStart(4, '0')}`
}
