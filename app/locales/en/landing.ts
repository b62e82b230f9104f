import type { Messages } from "~/i18n/catalogue";

export const landing: Messages["landing"] = {
  title: "Volunteer mentors for young people in Billund Municipality",
  hero: {
    title: "Mentorbro – a bridge between young people and adults who want to help",
    lead: "Mentorbro is Billund Municipality's portal for volunteer mentors and associations. Here, adults who want to make a difference find their way to young people who need someone to lean on as they work towards a job or an education.",
    needTitle: "Why we need you",
    need1: "Some young people find it hard to get a foothold in work or education. Some had a difficult time at school. Others struggle with loneliness, low self-esteem or a diagnosis. Many have lost faith that anything can work out.",
    need2: "What helps is time, patience and an adult who stays. Someone who believes in the young person and goes the whole way with them.",
    need3: "The hard moments often come after 5 pm. The young person lies awake worrying about tomorrow's shift, or a payment has not arrived. That is when they need a lifeline – an adult they can call. The municipality's advisers cannot be there around the clock. A volunteer mentor and the community of an association can help fill that gap.",
    primaryAction: "Become a mentor",
    secondaryAction: "See how it works",
  },
  mentor: {
    title: "Become a mentor",
    intro: "You do not need to be an expert. You need to want to spend some of your time on a young person – and to keep going, through the ups and the downs. There are three ways to be a mentor.",
    business: {
      title: "Business mentor",
      text: "You are or have been a manager or run your own business. You use your experience of working life to guide a young person, for example during an internship.",
    },
    civilSociety: {
      title: "Civil society mentor",
      text: "You are a volunteer – perhaps retired, a student or young yourself. You are a steady person the young person can talk to in everyday life, also after working hours.",
    },
    company: {
      title: "Company mentor",
      text: "A young person is doing an internship at your workplace, and you are their mentor during working hours. You take the same courses and become part of the network.",
    },
    requirementsTitle: "What it takes",
    requirement1: "Time to meet the young person regularly over a longer period.",
    requirement2: "An interview with the Youth Unit, and references we may contact.",
    requirement3: "Your consent for us to obtain your criminal record certificate.",
    requirement4: "Taking part in a mentor course before you are matched with a young person.",
    requirement5: "Agreeing to our shared guidelines for mentors.",
    honest: "It is not always easy. Meetings get cancelled, and progress can take time. But you are not on your own: the Youth Unit follows you both closely, and you can always get advice.",
    action: "Apply to become a mentor",
  },
  associations: {
    title: "For associations",
    text1: "Are you a sports club, a scout group, a charity shop or another association with tasks where a young person could lend a hand? Through the Youth Network (Ungenetværket) you can post volunteer tasks for young people.",
    text2: "For many young people, a community is the first step. With you, they can practise turning up, doing a task and belonging. The tasks can be small, and they do not need to require experience. The young person can bring a friend or their mentor.",
    text3: "The Youth Unit approves your association and suggests young people who suit the task. You decide yourselves whether to say yes.",
    action: "Register your association",
  },
  staff: {
    title: "For staff",
    text: "Do you work in the Youth Unit? Log in to work with volunteers, courses, young people and pairings.",
    action: "Log in to Mentorbro",
  },
  steps: {
    title: "How it works",
    intro: "From your application to being a mentor for a young person, there are a few steps. This is the way.",
    step1: {
      title: "You apply.",
      text: "Tell us about yourself, why you want to be a mentor, and when you have time – including evenings and weekends.",
    },
    step2: {
      title: "Interview and approval.",
      text: "We meet for an interview and contact your references. With your consent, we obtain your criminal record certificate. Two members of staff approve you, and you are told the decision.",
    },
    step3: {
      title: "Course.",
      text: "You take part in a mentor course. It prepares you for the role, and you meet other mentors.",
    },
    step4: {
      title: "Match.",
      text: "We find a young person who suits you – for example by interests, where you live, and when you both have time. You decide whether to say yes. Then you hold a first meeting and agree how you will keep in touch.",
    },
    step5: {
      title: "Follow-up.",
      text: "The Youth Unit follows up with you both – twice in the first month and then every month. If something is hard, you can always reach out to us.",
    },
  },
};
