/** Short names of the laws the demo questions cite, written once. */
export const BC = 'Luật Bầu cử ĐBQH và đại biểu HĐND 2015';
export const HP = 'Hiến pháp 2013';
export const PCTN = 'Luật Phòng, chống tham nhũng 2018';
export const ND59 = 'Nghị định 59/2019/NĐ-CP';
export const ND130 = 'Nghị định 130/2020/NĐ-CP';
export const BLHS = 'Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)';
export const PBGDPL = 'Luật Phổ biến, giáo dục pháp luật 2012';
