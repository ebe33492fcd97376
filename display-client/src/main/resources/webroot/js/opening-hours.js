// Opening hours as hall-server sends them ({aroundTheClock, weekly: [{days, open, close}]}),
// in a line a citizen can read at the kiosk: 周一至周五 09:00-17:30. Pure.

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const ZH = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function dayList(days, language) {
  const names = language === 'en' ? EN : ZH;
  const idx = days.map((d) => DAYS.indexOf(d)).filter((i) => i >= 0).sort((a, b) => a - b);
  const contiguous = idx.length >= 3 && idx.every((v, i) => i === 0 || v === idx[i - 1] + 1);
  if (contiguous) return language === 'en' ? `${names[idx[0]]}–${names[idx.at(-1)]}` : `${names[idx[0]]}至${names[idx.at(-1)]}`;
  return idx.map((i) => names[i]).join(language === 'en' ? ', ' : '、');
}

export function formatOpeningHours(hours, language = 'zh') {
  if (!hours || typeof hours !== 'object') return typeof hours === 'string' ? hours : '';
  if (hours.aroundTheClock) return language === 'en' ? 'Open 24 hours' : '全天开放';
  return (hours.weekly ?? [])
    .map((s) => `${dayList(s.days ?? [], language)} ${s.open}-${s.close}`)
    .join(language === 'en' ? '; ' : '；');
}
