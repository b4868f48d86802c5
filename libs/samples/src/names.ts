import type { Gender } from '@tr/domain';
import type { Rng } from './random';

/** Chinese personal and place names for sample data. */

// The commonest surnames, each with its rough share of the population in percent.
const SURNAMES: readonly (readonly [string, number])[] = [
  '王7.1 李7.0 张6.9 刘5.4 陈4.5 杨3.1 黄2.2 赵2.3 吴2.0 周1.9 徐1.7 孙1.5 马1.5 朱1.3 胡1.3 郭1.2 何1.2 高1.1 ',
  '林1.1 罗0.9 郑0.9 梁0.9 谢0.8 宋0.8 唐0.8 许0.7 韩0.7 冯0.7 邓0.7 曹0.7 彭0.6 曾0.6 肖0.6 田0.6 董0.5 袁0.5 ',
  '潘0.5 于0.5 蒋0.5 蔡0.5 余0.5 杜0.5 叶0.4 程0.4 苏0.4 魏0.4 吕0.4 丁0.4 任0.4 沈0.4 姚0.4 卢0.4 姜0.4 崔0.3 ',
  '钟0.3 谭0.3 陆0.3 汪0.3 范0.3 金0.3 石0.3 廖0.3 贾0.3 夏0.3 付0.3 方0.3 白0.3 邹0.3 孟0.3 熊0.3 秦0.3 邱0.3 ',
  '江0.3 尹0.3 薛0.3 闫0.3 段0.2 雷0.2 侯0.2 史0.2 陶0.2 贺0.2 毛0.2 郝0.2 常0.2 牛0.2 申0.2 耿0.2 ',
]
  .join('')
  .trim()
  .split(/\s+/)
  .map((entry) => [entry[0], Number(entry.slice(1))] as const);

const FEMALE_CHARS = [
  ...'丽静敏燕艳娟霞芳娜婷雪慧颖琳洁玲红梅萍莉晶倩佳欣怡雯璐月秀英兰凤琴云洋蕾瑶丹妍悦晓蓉薇菲爽璇',
];
const MALE_CHARS = [
  ...'伟强磊军勇杰涛斌超明刚平辉鹏飞鑫波宇浩凯健俊帆帅旭宁龙林阳峰建国志文博成亮永锋毅振海东松涵',
];
const SHARED_CHARS = [...'华春晨佳文一子思雨嘉海新'];

export function personName(rng: Rng, gender: Gender): string {
  const own = gender === 'F' ? FEMALE_CHARS : MALE_CHARS;
  const char = (): string => (rng.chance(0.15) ? rng.pick(SHARED_CHARS) : rng.pick(own));
  const given = rng.chance(0.75) ? char() + char() : char();
  return rng.weighted(SURNAMES) + given;
}

// Two-character stems for townships and villages; a stem plus 镇/乡 or 村 reads like a real place.
const TOWN_HEADS = [...'东西南北大小新古石白黄青龙凤马牛金银铁高长平安永兴太清双三五七九柏松桐梅'];
const TOWN_TAILS = [...'城关店集桥河山坪庄寨营川原林泉湖阳峰岗台'];
const VILLAGE_HEADS = [...'王李张刘陈杨赵马高郭朱孙何吕宋东西南北前后上下大小石柳槐杏桃枣梨白黄青红新老中'];
const VILLAGE_TAILS = [...'庄沟坡岭河店寨营屯堡洼湾窑峪坪台楼园铺桥集口头门'];

function stems(heads: readonly string[], tails: readonly string[]): string[] {
  return heads.flatMap((h) => tails.filter((t) => t !== h).map((t) => h + t));
}

/** Every possible township stem, for drawing without replacement so names stay unique. */
export function townStems(): string[] {
  return stems(TOWN_HEADS, TOWN_TAILS);
}

export function villageStems(): string[] {
  return stems(VILLAGE_HEADS, VILLAGE_TAILS);
}

// Street names give urban schools their usual names (人民路小学).
export const STREETS = [
  '人民路',
  '建设路',
  '解放路',
  '文化路',
  '中山路',
  '新华路',
  '东风路',
  '红旗路',
  '幸福路',
  '迎宾路',
  '育才路',
  '光明路',
  '友谊路',
  '和平路',
  '振兴路',
  '朝阳路',
  '滨河路',
  '府前街',
  '南关',
  '北关',
  '东关',
  '西关',
];

const DIGITS = [...'零一二三四五六七八九'];

/** Chinese numeral for 1–99, as in 第十二小学. */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}
