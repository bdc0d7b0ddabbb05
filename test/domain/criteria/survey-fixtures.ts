/** A province's own satisfaction survey, as a criteria set carries it (issue #15). */
import type { SetSurvey } from '../../../src/domain/criteria';

export const PROVINCE_SURVEY_ID = 'cao-bang-khao-sat-hai-long';

/** Three questions; the overall one is not the default survey's id, so a test can tell whose overall was read. */
export function provinceSurvey(version = '2026.1'): SetSurvey {
  return {
    id: PROVINCE_SURVEY_ID,
    version,
    title: { vi: 'Khảo sát mức độ hài lòng của người dân (ẩn danh)', en: "Residents' satisfaction survey (anonymous)" },
    overallQuestion: 'danh-gia-chung',
    questions: [
      {
        id: 'thoi-gian-thu-tuc',
        type: 'scale5',
        vi: 'Ông/bà đánh giá thế nào về thời gian giải quyết thủ tục trực tuyến?',
        en: 'How do you rate the time your online application took?',
      },
      {
        id: 'danh-gia-chung',
        type: 'scale5',
        vi: 'Nhìn chung, ông/bà hài lòng thế nào với sự hỗ trợ của tổ công nghệ số cộng đồng?',
        en: 'Overall, how satisfied are you with the help of the community digital team?',
      },
      {
        id: 'gioi-thieu-nguoi-than',
        type: 'yesno',
        vi: 'Ông/bà có giới thiệu người thân đến điểm hỗ trợ không?',
        en: 'Would you send a relative to the support point?',
      },
    ],
    scale: {
      vi: ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'],
      en: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
    },
  };
}
