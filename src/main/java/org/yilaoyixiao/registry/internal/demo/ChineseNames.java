package org.yilaoyixiao.registry.internal.demo;

import java.util.SplittableRandom;
import org.yilaoyixiao.registry.Sex;

/** Made-up Chinese names: surnames common in Qingtian, given names in the style of the person's generation. */
final class ChineseNames {

    /** Surnames weighted roughly by their frequency in southern Zhejiang; 叶 and 陈 lead in Qingtian. */
    private static final WeightedChoice<String> SURNAMES = WeightedChoice.of(
            "叶", 9, "陈", 8, "王", 6, "林", 6, "周", 5, "吴", 5, "徐", 5, "季", 4, "刘", 4, "张", 4, "李", 4,
            "杨", 3, "潘", 3, "邱", 3, "胡", 3, "郑", 3, "朱", 3, "金", 3, "蒋", 2, "项", 2, "留", 2, "夏", 2,
            "詹", 2, "邵", 2, "麻", 2, "雷", 2, "蓝", 1, "包", 1, "尹", 1, "程", 1, "柳", 1, "孙", 1, "黄", 1);

    private static final String ELDER_MEN = "德福明国建华林根金土水春荣发成海忠伟志文生寿永昌松顺良贤仁义宝庆连有光兴达祥";
    private static final String ELDER_WOMEN = "秀英兰珍花凤梅娟芳玉桂莲菊香月琴彩翠美爱素云仙妹娥芝竹春丽银金";
    private static final String INFANT_BOYS = "子梓浩宇轩睿博晨泽辰俊一铭奕航宸皓锦诚瑞佑嘉煜景言";
    private static final String INFANT_GIRLS = "涵欣怡诺萱沐依悦瑶思雨可语若希梦安芊诗琪晴艺彤妍";
    private static final String ADULT_MEN = "伟强军勇杰磊涛斌超鹏飞俊峰刚平辉波亮东海建文明华";
    private static final String ADULT_WOMEN = "丽静敏燕艳娟霞芳红玲婷洁琳雪慧颖倩晶微蕾萍莉";

    private ChineseNames() {
    }

    static String surname(SplittableRandom random) {
        return SURNAMES.pick(random);
    }

    static String elder(SplittableRandom random, String surname, Sex sex) {
        return surname + given(random, sex == Sex.MALE ? ELDER_MEN : ELDER_WOMEN, 0.12);
    }

    static String infant(SplittableRandom random, String surname, Sex sex) {
        return surname + given(random, sex == Sex.MALE ? INFANT_BOYS : INFANT_GIRLS, 0.10);
    }

    /** A name for a grown-up child or parent, who is not registered but named as a contact or guardian. */
    static String adult(SplittableRandom random, String surname, Sex sex) {
        return surname + given(random, sex == Sex.MALE ? ADULT_MEN : ADULT_WOMEN, 0.15);
    }

    private static String given(SplittableRandom random, String characters, double singleCharacterShare) {
        char first = characters.charAt(random.nextInt(characters.length()));
        if (random.nextDouble() < singleCharacterShare) {
            return String.valueOf(first);
        }
        return new String(new char[]{first, characters.charAt(random.nextInt(characters.length()))});
    }
}
